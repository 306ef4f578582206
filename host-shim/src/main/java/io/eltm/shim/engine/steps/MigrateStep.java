package io.eltm.shim.engine.steps;

import io.eltm.shim.db.DatabaseSnapshot;
import io.eltm.shim.db.MigrationPlan;
import io.eltm.shim.db.MigrationRunner;
import io.eltm.shim.db.MigrationScripts;
import io.eltm.shim.db.SchemaHistory;
import io.eltm.shim.db.UndoRunner;
import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.StepOutcome;

import org.flywaydb.core.api.MigrationVersion;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings the audit DB to the release now in place: Flyway applies pending {@code V} migrations in
 * one transaction (recording the {@code --baseline} of a DB without {@code schema_version}, even
 * when nothing is pending), or, for a downgrade, the previous release's {@code U} scripts run in one
 * transaction. Undo first ends any session the operation left (a killed run's migration must not
 * commit later), finishes a snapshot restore that a crash interrupted, then reads
 * {@code schema_version} to learn what committed and takes it back with undo scripts where every
 * applied version has one, else from the snapshot.
 */
public final class MigrateStep implements Step {

    public static final String NAME = io.eltm.api.v1alpha1.OperationStep.MIGRATE;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome run(OperationContext ctx) throws Exception {
        List<MigrationVersion> versions = versions(ctx);
        String baseline = ctx.state().schemaBaseline();
        if (versions.isEmpty() && baseline == null) {
            return StepOutcome.skipped("no pending migrations");
        }
        if (ctx.state().downgrade()) {
            new UndoRunner(ctx.db()).undo(versions, undoScripts(ctx));
            return StepOutcome.done("undid " + names(versions));
        }
        MigrationPlan plan = new MigrationPlan(versions, List.of(),
                baseline == null ? null : MigrationVersion.fromVersion(baseline));
        MigrationRunner runner = new MigrationRunner(ctx.db());
        if (versions.isEmpty()) {
            runner.baseline(ctx.installDir(), plan);
            return StepOutcome.done("recorded baseline " + baseline + " in " + SchemaHistory.TABLE);
        }
        int applied = runner.apply(ctx.installDir(), plan);
        return StepOutcome.done("applied " + applied + " (" + names(versions) + ")");
    }

    @Override
    public void undo(OperationContext ctx) throws Exception {
        if (!ctx.state().changesSchema()) {
            return;
        }
        StartPostgresStep.ensurePostgres(ctx);
        ctx.db().endSessionsOfThisOperation();
        String snapshot = ctx.state().snapshotDatabase();
        DatabaseSnapshot snapshots = new DatabaseSnapshot(ctx.db(), ctx.crashPoints()::reached);
        if (snapshot != null && snapshots.restoreUnderWay(snapshot)) {
            snapshots.restore(snapshot); // a crash stopped it halfway: the migrated DB is already set aside
            return;
        }
        SchemaHistory history;
        try (Connection c = ctx.db().open()) {
            history = SchemaHistory.read(c);
        }
        if (needsSnapshot(ctx, history)) {
            restoreSnapshot(ctx, snapshots);
            return;
        }
        List<MigrationVersion> committed = versions(ctx).stream().filter(history.applied()::contains)
                .sorted(Comparator.reverseOrder()).toList();
        if (ctx.state().downgrade() || committed.isEmpty()) {
            return; // the one transaction rolled back: the DB is as before
        }
        Map<MigrationVersion, Path> undo = MigrationScripts.of(ctx.installDir()).undo();
        if (committed.stream().allMatch(undo::containsKey)) {
            new UndoRunner(ctx.db()).undo(committed, undo);
        } else {
            restoreSnapshot(ctx, snapshots);
        }
    }

    /** Whether what committed can only be taken back from the snapshot. */
    private static boolean needsSnapshot(OperationContext ctx, SchemaHistory history) {
        List<MigrationVersion> versions = versions(ctx);
        if (versions.stream().anyMatch(history.failed()::contains)) {
            return true; // run outside a transaction and broken halfway: part of it is in the DB
        }
        if (ctx.state().schemaBaseline() != null) {
            return history.tableExists(); // the DB had no schema_version before
        }
        // a downgrade that committed removed the rows of the versions it undid
        return ctx.state().downgrade() && !history.applied().containsAll(versions);
    }

    private static void restoreSnapshot(OperationContext ctx, DatabaseSnapshot snapshots) throws SQLException {
        String snapshot = ctx.state().snapshotDatabase();
        if (snapshot == null || !snapshots.restore(snapshot)) {
            throw new IllegalStateException("migrations committed and the snapshot " + snapshot + " is gone: restore "
                    + ctx.db().name() + " from a backup");
        }
    }

    // Undo scripts of a downgrade come from the newer release, which sits in previous/ after the swap.
    private static Map<MigrationVersion, Path> undoScripts(OperationContext ctx) {
        Map<MigrationVersion, Path> scripts = new HashMap<>(MigrationScripts.of(ctx.installDir()).undo());
        scripts.putAll(MigrationScripts.of(ctx.backupDir()).undo());
        return scripts;
    }

    private static List<MigrationVersion> versions(OperationContext ctx) {
        return ctx.state().migrations().stream().map(MigrationVersion::fromVersion).toList();
    }

    private static String names(List<MigrationVersion> versions) {
        return String.join(", ", versions.stream().map(v -> "V" + v.getVersion()).toList());
    }
}
