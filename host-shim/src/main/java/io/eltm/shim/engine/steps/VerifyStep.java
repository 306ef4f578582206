package io.eltm.shim.engine.steps;

import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.StepOutcome;
import io.eltm.shim.service.HealthProbe;

/** Waits for {@code show-mprocess} and the health URL; the first healthy probe ends the downtime. */
public final class VerifyStep implements Step {

    public static final String NAME = "verify";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome run(OperationContext ctx) {
        HealthProbe.Verdict v = ctx.health().awaitHealthy(ctx.state().options().healthTimeout());
        if (!v.healthy()) {
            throw new IllegalStateException("not healthy within " + ctx.state().options().healthTimeout().toSeconds()
                    + " s: " + v.detail());
        }
        if (ctx.state().healthyAt() == null) { // a re-verification after a crash keeps the first healthy moment
            ctx.state().healthyAt(ctx.clock().instant());
            ctx.save();
        }
        return StepOutcome.done(v.detail());
    }

    @Override
    public void undo(OperationContext ctx) {
        // A probe changes nothing.
    }
}
