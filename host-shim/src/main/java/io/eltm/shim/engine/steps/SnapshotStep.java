package io.eltm.shim.engine.steps;

import io.eltm.shim.db.DatabaseSnapshot;
import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.StepOutcome;
import io.eltm.shim.engine.StepRecord;
import io.eltm.shim.engine.StepState;

/**
 * Copies the audit DB just before migrating, so that migrations which committed can be taken back
 * even without undo scripts. Skipped when the schema does not change. Its undo drops the copy only
 * once the migrate step is undone (or never started): until then the copy may be all that is left of
 * the DB as it was.
 */
public final class SnapshotStep implements Step {

    public static final String NAME = "snapshot";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome run(OperationContext ctx) throws Exception {
        if (!ctx.state().changesSchema()) {
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
        String snapshot = ctx.state().snapshotDatabase();
        if (snapshot == null) {
            return;
        }
        StepRecord migrate = ctx.state().step(MigrateStep.NAME);
        if (migrate.started() && migrate.state() != StepState.UNDONE) {
            throw new IllegalStateException("kept the snapshot DB " + snapshot + " of " + ctx.db().name()
                    + ": the migrate step is not undone yet and may still need it");
        }
        StartPostgresStep.ensurePostgres(ctx);
        ctx.db().endSessionsOfThisOperation(); // a killed CREATE DATABASE may still be copying
        new DatabaseSnapshot(ctx.db()).drop(snapshot);
    }

    private static String snapshotName(OperationContext ctx) {
        String id = ctx.state().id().replaceAll("[^A-Za-z0-9]", "");
        String base = ctx.db().name() + "_eltm_snapshot_" + id.substring(0, Math.min(12, id.length()));
        return base.length() > 63 ? base.substring(0, 63) : base;
    }
}
