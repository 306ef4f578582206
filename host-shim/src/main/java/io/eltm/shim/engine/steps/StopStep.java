package io.eltm.shim.engine.steps;

import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.StepOutcome;
import io.eltm.shim.service.HealthProbe;
import io.eltm.shim.service.ScriptResult;

/** {@code mstop-all}: downtime starts here. Undo starts whichever release is in place and waits for health. */
public final class StopStep implements Step {

    public static final String NAME = "stop";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome run(OperationContext ctx) {
        ctx.state().stopStartedAt(ctx.clock().instant());
        ctx.save();
        ScriptResult r = ctx.scripts().stopAll();
        if (!r.ok()) {
            throw new IllegalStateException("mstop-all exited " + r.exitCode() + ": " + r.output());
        }
        return StepOutcome.done("services stopped");
    }

    @Override
    public void undo(OperationContext ctx) {
        ScriptResult r = ctx.scripts().startAll();
        HealthProbe.Verdict v = ctx.health().awaitHealthy(ctx.state().options().healthTimeout());
        if (!v.healthy()) {
            throw new IllegalStateException("the previous release did not become healthy after mstart-all (exit "
                    + r.exitCode() + "): " + v.detail() + "; check data/log and run show-mprocess");
        }
    }
}
