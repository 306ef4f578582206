package io.eltm.shim.engine;

import io.eltm.shim.RefusedException;
import io.eltm.shim.engine.OperationState.Result;

import java.util.List;
import java.util.Optional;

/**
 * Runs an operation's steps in order, journaling each transition, and on failure takes back every
 * step that started, newest first. The same code rolls back a live failure and an operation found
 * half done in the journal after a crash.
 */
public final class OperationRunner {

    private final List<Step> steps;

    public OperationRunner(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    public static List<String> names(List<Step> steps) {
        return steps.stream().map(Step::name).toList();
    }

    /** Runs every step; returns how the operation ended (also recorded in its state). */
    public Result run(OperationContext ctx) {
        return runFrom(ctx, 0);
    }

    /** Runs the steps that have not finished yet (roll forward after a crash past the point of no return). */
    public Result resume(OperationContext ctx) {
        int first = 0;
        while (first < steps.size() && finished(ctx.state().step(steps.get(first).name()))) {
            first++;
        }
        return runFrom(ctx, first);
    }

    /**
     * Rolls forward past the point of no return: {@code verified} and every step before it count as
     * done (the new release was seen healthy; re-probing it after a reboot must not roll it back),
     * then the steps after it run.
     */
    public Result resumeAfter(OperationContext ctx, String verified) {
        int next = names(steps).indexOf(verified) + 1;
        for (Step step : steps.subList(0, next)) {
            StepRecord r = ctx.state().step(step.name());
            if (r.state() == StepState.RUNNING) {
                end(ctx, step.name(), StepState.DONE, "seen healthy before the process died");
            }
        }
        return runFrom(ctx, next);
    }

    private Result runFrom(OperationContext ctx, int first) {
        OperationState state = ctx.state();
        for (int i = first; i < steps.size(); i++) {
            Step step = steps.get(i);
            StepRecord running = state.step(step.name()).running(ctx.clock().instant());
            state.step(running);
            ctx.save();
            ctx.crashPoints().reached(step.name() + ":before");
            ctx.listener().stepStarted(running);
            try {
                StepOutcome outcome = step.run(ctx);
                ctx.crashPoints().reached(step.name() + ":after");
                end(ctx, step.name(), outcome.state(), outcome.message());
            } catch (Exception e) {
                end(ctx, step.name(), StepState.FAILED, describe(e));
                return fail(ctx, step, e);
            }
        }
        state.finish(Result.Succeeded, "", ctx.clock().instant());
        ctx.save();
        return Result.Succeeded;
    }

    private Result fail(OperationContext ctx, Step failed, Exception cause) {
        OperationState state = ctx.state();
        String why = "while " + failed.name() + " in " + ctx.label() + ": " + describe(cause);
        if (!anyChangeStarted(state)) {
            String cleanup = rollBack(ctx).map(f -> "; cleanup incomplete: " + f).orElse("");
            state.finish(Result.Refused, why + cleanup, ctx.clock().instant());
            ctx.save();
            return Result.Refused;
        }
        if (state.options().noRollback()) {
            state.held(true);
            state.finish(Result.Failed, why + "; left as is (--no-rollback): inspect it, then run `eltm-shim rollback`",
                    ctx.clock().instant());
            ctx.save();
            return Result.Failed;
        }
        Optional<String> undoFailure = rollBack(ctx);
        if (undoFailure.isEmpty()) {
            state.finish(Result.RolledBack, why + "; rolled back: "
                    + (state.from() == null ? "the previous release" : state.from().version()) + " runs again",
                    ctx.clock().instant());
        } else {
            state.finish(Result.Failed, why + "; rollback stopped: " + undoFailure.get()
                    + ". Fix the cause, then run any eltm-shim command to resume the rollback from there",
                    ctx.clock().instant());
            state.held(false);
        }
        ctx.save();
        return state.result();
    }

    /**
     * Takes back every started step, newest first, and stops at the first undo that fails: a later
     * undo may need what the failed one did not restore (the snapshot, staging, the old files), and
     * starting services on a half-restored tree must never happen. Each undone step is journaled, so
     * the next call resumes at exactly the step that failed. Returns that failure, if any.
     */
    public Optional<String> rollBack(OperationContext ctx) {
        OperationState state = ctx.state();
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step step = steps.get(i);
            StepRecord record = state.step(step.name());
            if (!record.started() || record.state() == StepState.UNDONE) {
                continue;
            }
            try {
                step.undo(ctx);
            } catch (Exception e) {
                return Optional.of("undoing " + step.name() + " failed: " + describe(e));
            }
            StepRecord undone = new StepRecord(record.name(), StepState.UNDONE, record.startedAt(),
                    record.millis(), record.message());
            state.step(undone);
            ctx.save();
            ctx.listener().stepEnded(undone);
        }
        return Optional.empty();
    }

    private void end(OperationContext ctx, String name, StepState state, String message) {
        StepRecord ended = ctx.state().step(name).ended(state, ctx.clock().instant(), message);
        ctx.state().step(ended);
        ctx.save();
        ctx.listener().stepEnded(ended);
    }

    private boolean anyChangeStarted(OperationState state) {
        return steps.stream().filter(Step::changesInstall).anyMatch(s -> state.step(s.name()).started());
    }

    private static boolean finished(StepRecord r) {
        return r.state() == StepState.DONE || r.state() == StepState.SKIPPED;
    }

    static String describe(Throwable e) {
        if (e instanceof RefusedException) {
            return e.getMessage();
        }
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
    }
}
