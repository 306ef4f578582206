package io.eltm.shim.engine.steps;

import io.eltm.shim.engine.CrashPoints;
import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.StepOutcome;
import io.eltm.shim.service.HealthProbe;

/**
 * Waits until the new release (its VERSION and GIT_SHA) is healthy and stays so; the first probe of
 * that healthy run ends the downtime. Recording it is the point of no return: recovery rolls forward
 * from there and never probes again.
 */
public final class VerifyStep implements Step {

    public static final String NAME = "verify";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome run(OperationContext ctx) {
        HealthProbe.Verdict v = ctx.health().awaitHealthy(ctx.state().options().healthTimeout(), ctx.state().to());
        if (!v.healthy()) {
            throw new IllegalStateException("not healthy within " + ctx.state().options().healthTimeout().toSeconds()
                    + " s: " + v.detail());
        }
        ctx.state().healthyAt(v.since());
        ctx.save();
        ctx.crashPoints().reached(CrashPoints.VERIFIED_HEALTHY);
        return StepOutcome.done(v.detail());
    }

    @Override
    public void undo(OperationContext ctx) {
        // A probe changes nothing.
    }
}
