package io.eltm.shim.engine.steps;

import io.eltm.shim.db.DatabaseSnapshot;
import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.StepOutcome;

/**
 * Copies the audit DB just before migrating, so that migrations which committed can be taken back
 * even without undo scripts. Skipped when the schema does not change.
 */
public final class SnapshotStep implements Step {

    public static final String NAME = "snapshot";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome run(OperationContext ctx) throws Exception {
        if (ctx.state().migrations().isEmpty()) {
            return StepOutcome.skipped("schema unchanged");
        }
        String name = snapshotName(ctx);
        ctx.state().snapshotDatabase(name);
        ctx.save();
        new DatabaseSnapshot(ctx.db()).take(name);
        return StepOutcome.done("copied " + ctx.db().name() + " to " + name);
    }

    @Override
    public void undo(OperationContext ctx) throws Exception {
        if (ctx.state().snapshotDatabase() != null) {
            StartPostgresStep.ensurePostgres(ctx);
            new DatabaseSnapshot(ctx.db()).drop(ctx.state().snapshotDatabase());
        }
    }

    private static String snapshotName(OperationContext ctx) {
        String id = ctx.state().id().replaceAll("[^A-Za-z0-9]", "");
        String base = ctx.db().name() + "_eltm_snapshot_" + id.substring(0, Math.min(12, id.length()));
        return base.length() > 63 ? base.substring(0, 63) : base;
    }
}
