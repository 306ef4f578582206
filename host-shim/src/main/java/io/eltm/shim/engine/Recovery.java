package io.eltm.shim.engine;

import io.eltm.shim.engine.OperationState.Result;
import io.eltm.shim.engine.steps.PreflightStep;
import io.eltm.shim.engine.steps.VerifyStep;

import java.util.List;
import java.util.Optional;

/**
 * Finishes or reverts an operation that a killed process left in the journal. Once the new release
 * was seen healthy it rolls forward (only cleanup remained; nothing is probed again, so a reboot in
 * between does not undo a verified upgrade); before that it takes back every step that started,
 * newest first, resuming exactly where an earlier rollback (or an earlier recovery) stopped.
 */
public final class Recovery {

    private final OperationRunner runner;

    public Recovery(OperationRunner runner) {
        this.runner = runner;
    }

    /** Returns the recovered operation's state, or empty when there was nothing to recover. */
    public Optional<OperationState> recover(OperationContext ctx) {
        OperationState state = ctx.state();
        if (state.result() == Result.Failed && !state.held()) {
            // an earlier rollback stopped at an undo that failed: resume from there
            Optional<String> failure = runner.rollBack(ctx);
            if (failure.isEmpty()) {
                state.finish(Result.RolledBack, state.message() + "; rollback completed on retry",
                        ctx.clock().instant());
            }
        } else if (state.result() == null) {
            if (state.healthyAt() != null) {
                runner.resumeAfter(ctx, VerifyStep.NAME);
            } else {
                rollBackInterrupted(ctx);
            }
        }
        ctx.save();
        return Optional.of(state);
    }

    private void rollBackInterrupted(OperationContext ctx) {
        OperationState state = ctx.state();
        Optional<String> failure = runner.rollBack(ctx);
        boolean changed = state.steps().stream().anyMatch(s -> s.started() && isAfterPreflight(s.name(), state));
        String interrupted = "interrupted (the process died) during " + lastStarted(state) + " of " + ctx.label();
        if (failure.isPresent()) {
            state.finish(Result.Failed, interrupted + "; rollback stopped: " + failure.get()
                    + ". Fix the cause, then run any eltm-shim command to resume the rollback", ctx.clock().instant());
            return;
        }
        state.finish(changed ? Result.RolledBack : Result.Refused, interrupted
                + (changed ? "; rolled back on restart: the previous release runs again"
                : "; nothing had changed, staging removed"), ctx.clock().instant());
    }

    private static boolean isAfterPreflight(String step, OperationState state) {
        List<String> names = state.steps().stream().map(StepRecord::name).toList();
        return names.indexOf(step) > names.indexOf(PreflightStep.NAME);
    }

    private static String lastStarted(OperationState state) {
        String last = "start";
        for (StepRecord s : state.steps()) {
            if (s.started()) {
                last = s.name();
            }
        }
        return last;
    }
}
