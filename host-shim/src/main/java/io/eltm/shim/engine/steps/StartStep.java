package io.eltm.shim.engine.steps;

import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.StepOutcome;
import io.eltm.shim.service.ScriptResult;

/** {@code mstart-all} of the release now in place. Undo: {@code mstop-all}. */
public final class StartStep implements Step {

    public static final String NAME = "start";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome run(OperationContext ctx) {
        ScriptResult r = ctx.scripts().startAll();
        if (!r.ok()) {
            throw new IllegalStateException("mstart-all exited " + r.exitCode() + ": " + r.output());
        }
        return StepOutcome.done("services started");
    }

    @Override
    public void undo(OperationContext ctx) {
        ScriptResult r = ctx.scripts().stopAll();
        if (!r.ok()) {
            throw new IllegalStateException("mstop-all exited " + r.exitCode() + ": " + r.output());
        }
    }
}
