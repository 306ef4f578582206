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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the audit DB to the release now in place: Flyway applies pending {@code V} migrations in
 * one transaction, or, for a downgrade, the previous release's {@code U} scripts run in one
 * transaction. Undo reads {@code schema_version} to learn whether anything committed, then takes it
 * back with undo scripts where every applied version has one, else from the snapshot.
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
        if (versions.isEmpty()) {
            return StepOutcome.skipped("no pending migrations");
        }
        if (ctx.state().downgrade()) {
            new UndoRunner(ctx.db()).undo(versions, undoScripts(ctx));
            return StepOutcome.done("undid " + names(versions));
        }
        MigrationPlan plan = new MigrationPlan(versions, List.of(),
                ctx.state().options().baseline() == null ? null
                        : MigrationVersion.fromVersion(ctx.state().options().baseline()));
        int applied = new MigrationRunner(ctx.db()).apply(ctx.installDir(), plan);
        return StepOutcome.done("applied " + applied + " (" + names(versions) + ")");
    }

    @Override
    public void undo(OperationContext ctx) throws Exception {
        List<MigrationVersion> versions = versions(ctx);
        if (versions.isEmpty()) {
            return;
        }
        StartPostgresStep.ensurePostgres(ctx);
        Set<MigrationVersion> applied;
        try (Connection c = ctx.db().open()) {
            applied = Set.copyOf(SchemaHistory.read(c).applied());
        }
        if (ctx.state().downgrade()) {
            if (versions.stream().noneMatch(v -> !applied.contains(v))) {
                return; // the undo transaction never committed
            }
            restoreSnapshot(ctx);
            return;
        }
        List<MigrationVersion> committed = versions.stream().filter(applied::contains)
                .sorted(java.util.Comparator.reverseOrder()).toList();
        if (committed.isEmpty()) {
            return; // Flyway's transaction rolled back: the DB is as before
        }
        Map<MigrationVersion, Path> undo = MigrationScripts.of(ctx.installDir()).undo();
        if (committed.stream().allMatch(undo::containsKey)) {
            new UndoRunner(ctx.db()).undo(committed, undo);
        } else {
            restoreSnapshot(ctx);
        }
    }

    private static void restoreSnapshot(OperationContext ctx) throws SQLException {
        String snapshot = ctx.state().snapshotDatabase();
        if (snapshot == null || !new DatabaseSnapshot(ctx.db()).restore(snapshot)) {
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
