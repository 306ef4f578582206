package io.eltm.shim.engine;

import io.eltm.shim.RefusedException;
import io.eltm.shim.engine.OperationState.Result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OperationRunnerTest {

    @TempDir
    Path install;

    private final List<String> calls = new ArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void runsEveryStepInOrderAndJournalsEachAsDone() {
        OperationRunner runner = new OperationRunner(List.of(step("fetch", false, null), step("stop", true, null),
                step("start", true, null)));
        OperationContext ctx = context(runner, OperationOptions.defaults());

        assertThat(runner.run(ctx)).isEqualTo(Result.Succeeded);

        assertThat(calls).containsExactly("run fetch", "run stop", "run start");
        assertThat(new SwapJournal(ctx.paths()).unfinished()).get()
                .extracting(s -> s.steps().stream().map(StepRecord::state).toList())
                .isEqualTo(List.of(StepState.DONE, StepState.DONE, StepState.DONE));
    }

    @Test
    void rollsBackEveryStartedStepNewestFirstWhenAStepFailsAfterTheStop() {
        OperationRunner runner = new OperationRunner(List.of(step("fetch", false, null), step("stop", true, null),
                step("swap", true, null), step("migrate", true, "duplicate column"), step("start", true, null)));
        OperationContext ctx = context(runner, OperationOptions.defaults());

        assertThat(runner.run(ctx)).isEqualTo(Result.RolledBack);

        assertThat(calls).containsExactly("run fetch", "run stop", "run swap", "run migrate",
                "undo migrate", "undo swap", "undo stop", "undo fetch");
        assertThat(ctx.state().message()).contains("while migrate").contains("duplicate column").contains("rolled back");
        assertThat(ctx.state().step("start").state()).isEqualTo(StepState.PENDING);
    }

    @Test
    void refusesWithoutTouchingServicesWhenAStepBeforeTheStopFails() {
        OperationRunner runner = new OperationRunner(List.of(step("fetch", false, null), step("stage", false, "bad tarball"),
                step("stop", true, null)));
        OperationContext ctx = context(runner, OperationOptions.defaults());

        assertThat(runner.run(ctx)).isEqualTo(Result.Refused);

        assertThat(calls).containsExactly("run fetch", "run stage", "undo stage", "undo fetch");
    }

    @Test
    void leavesTheInstallAsItIsAndHoldsTheJournalWithNoRollback() {
        OperationRunner runner = new OperationRunner(List.of(step("stop", true, null), step("migrate", true, "boom")));
        OperationContext ctx = context(runner, new OperationOptions(false, null, true, Duration.ofSeconds(5)));

        assertThat(runner.run(ctx)).isEqualTo(Result.Failed);

        assertThat(calls).containsExactly("run stop", "run migrate");
        assertThat(ctx.state().held()).isTrue();
        assertThat(ctx.state().message()).contains("eltm-shim rollback");
    }

    @Test
    void stopsAtTheFirstUndoThatFailsAndTheNextRollbackResumesExactlyThere() {
        Step badUndo = new RecordingStep("swap", true, null, "disk full");
        OperationRunner runner = new OperationRunner(List.of(step("stop", true, null), badUndo, step("start", true, "never healthy")));
        OperationContext ctx = context(runner, OperationOptions.defaults());

        assertThat(runner.run(ctx)).isEqualTo(Result.Failed);

        // never `undo stop`: that would start services on a half-restored tree
        assertThat(calls).containsExactly("run stop", "run swap", "run start", "undo start", "undo swap");
        assertThat(ctx.state().message()).contains("undoing swap failed: disk full");
        OperationState journaled = new SwapJournal(ctx.paths()).unfinished().orElseThrow();
        assertThat(journaled.step("start").state()).isEqualTo(StepState.UNDONE);
        assertThat(journaled.step("swap").state()).isEqualTo(StepState.DONE);
        calls.clear();

        assertThat(runner.rollBack(ctx)).isEmpty();

        assertThat(calls).containsExactly("undo swap", "undo stop");
    }

    @Test
    void recoveryOfAnOperationSeenHealthyRollsForwardWithoutProbingAgain() {
        OperationRunner runner = new OperationRunner(List.of(step("stop", true, null),
                step("verify", true, "not healthy: the host rebooted, services are down"), step("finish", true, null)));
        OperationContext ctx = context(runner, OperationOptions.defaults());
        ctx.state().step(ctx.state().step("stop").running(clock.instant()).ended(StepState.DONE, clock.instant(), ""));
        ctx.state().step(ctx.state().step("verify").running(clock.instant()));
        ctx.state().healthyAt(clock.instant());

        new Recovery(runner).recover(ctx);

        assertThat(ctx.state().result()).isEqualTo(Result.Succeeded);
        assertThat(calls).containsExactly("run finish");
        assertThat(ctx.state().step("verify").state()).isEqualTo(StepState.DONE);
    }

    @Test
    void aCrashDuringRecoveryIsResumedByTheNextRecoveryFromTheStepItReached() {
        Step badUndo = new RecordingStep("swap", true, null, "killed");
        OperationRunner runner = new OperationRunner(List.of(step("stop", true, null), badUndo, step("migrate", true, null)));
        OperationContext ctx = context(runner, OperationOptions.defaults());
        for (String name : List.of("stop", "swap", "migrate")) {
            ctx.state().step(ctx.state().step(name).running(clock.instant()).ended(StepState.DONE, clock.instant(), ""));
        }

        new Recovery(runner).recover(ctx);
        assertThat(ctx.state().result()).isEqualTo(Result.Failed);
        calls.clear();
        new Recovery(runner).recover(ctx);

        assertThat(calls).containsExactly("undo swap", "undo stop");
        assertThat(ctx.state().result()).isEqualTo(Result.RolledBack);
    }

    @Test
    void resumeRunsOnlyTheStepsThatHaveNotFinished() {
        OperationRunner runner = new OperationRunner(List.of(step("verify", true, null), step("finish", true, null)));
        OperationContext ctx = context(runner, OperationOptions.defaults());
        ctx.state().step(ctx.state().step("verify").running(clock.instant()).ended(StepState.DONE, clock.instant(), ""));

        assertThat(runner.resume(ctx)).isEqualTo(Result.Succeeded);

        assertThat(calls).containsExactly("run finish");
    }

    private OperationContext context(OperationRunner runner, OperationOptions options) {
        return TestContexts.of(install, stepNames(runner), options, clock, StepListener.NONE);
    }

    private List<String> stepNames(OperationRunner runner) {
        return steps.stream().map(Step::name).toList();
    }

    private final List<Step> steps = new ArrayList<>();

    private Step step(String name, boolean changes, String failure) {
        Step s = new RecordingStep(name, changes, failure, null);
        steps.add(s);
        return s;
    }

    /** A step that records its calls and fails on demand (its undo once): the runner's logic under test, not an install. */
    private final class RecordingStep implements Step {
        private final String name;
        private final boolean changes;
        private final String failure;
        private String undoFailure;

        RecordingStep(String name, boolean changes, String failure, String undoFailure) {
            this.name = name;
            this.changes = changes;
            this.failure = failure;
            this.undoFailure = undoFailure;
            if (undoFailure != null) {
                steps.add(this);
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean changesInstall() {
            return changes;
        }

        @Override
        public StepOutcome run(OperationContext ctx) {
            calls.add("run " + name);
            if (failure != null) {
                throw failure.equals("bad tarball") ? new RefusedException(failure) : new IllegalStateException(failure);
            }
            return StepOutcome.done("");
        }

        @Override
        public void undo(OperationContext ctx) {
            calls.add("undo " + name);
            if (undoFailure != null) {
                String failure = undoFailure;
                undoFailure = null; // fails once: the cause was fixed before the next attempt
                throw new IllegalStateException(failure);
            }
        }
    }
}
