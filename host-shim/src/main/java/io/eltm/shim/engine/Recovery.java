package io.eltm.shim.engine;

import io.eltm.shim.engine.OperationState.Result;

import java.util.List;
import java.util.Optional;

/**
 * Finishes or reverts an operation that a killed process left in the journal. Once the new release
 * was seen healthy it rolls forward (only cleanup remained); before that it takes back every step
 * that started, which restores the old files, the old DB and starts the old release.
 */
public final class Recovery {

    private final OperationRunner runner;

    public Recovery(OperationRunner runner) {
        this.runner = runner;
    }

    /** Returns the recovered operation's state, or empty when there was nothing to recover. */
    public Optional<OperationState> recover(OperationContext ctx) {
        OperationState state = ctx.state();
        if (state.result() == OperationState.Result.Failed && !state.held()) {
            // an earlier rollback was incomplete: retry the undos that have not succeeded yet
            List<String> failures = runner.rollBack(ctx);
            if (failures.isEmpty()) {
                state.finish(Result.RolledBack, state.message() + "; rollback completed on retry",
                        ctx.clock().instant());
            }
        } else if (state.result() == null) {
            if (state.healthyAt() != null) { // the new release was verified healthy: only cleanup remained
                runner.resume(ctx);
            } else {
                List<String> failures = runner.rollBack(ctx);
                boolean changed = state.steps().stream().anyMatch(s -> s.started() && isAfterPreflight(s.name(), state));
                String interrupted = "interrupted (the process died) during " + lastStarted(state) + " of " + ctx.label();
                if (!failures.isEmpty()) {
                    state.finish(Result.Failed, interrupted + "; rollback incomplete: " + String.join("; ", failures)
                            + ". Fix the cause, then run any eltm-shim command to retry", ctx.clock().instant());
                    ctx.save();
                    return Optional.of(state);
                }
                state.finish(changed ? Result.RolledBack : Result.Refused, interrupted
                        + (changed ? "; rolled back on restart: the previous release runs again"
                        : "; nothing had changed, staging removed"), ctx.clock().instant());
            }
        }
        ctx.save();
        return Optional.of(state);
    }

    private static boolean isAfterPreflight(String step, OperationState state) {
        List<String> names = state.steps().stream().map(StepRecord::name).toList();
        return names.indexOf(step) > names.indexOf(io.eltm.shim.engine.steps.PreflightStep.NAME);
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
