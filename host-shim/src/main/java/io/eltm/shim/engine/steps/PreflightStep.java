package io.eltm.shim.engine.steps;

import io.eltm.shim.RefusedException;
import io.eltm.shim.db.DatabaseSnapshot;
import io.eltm.shim.db.MigrationPlan;
import io.eltm.shim.db.MigrationPlanner;
import io.eltm.shim.db.MigrationRunner;
import io.eltm.shim.db.MigrationScripts;
import io.eltm.shim.engine.OperationContext;
import io.eltm.shim.engine.RenamePreconditions;
import io.eltm.shim.engine.Step;
import io.eltm.shim.engine.StepOutcome;
import io.eltm.shim.engine.SwapUnit;
import io.eltm.shim.engine.VersionPolicy;
import io.eltm.shim.release.ReplacedPaths;
import io.eltm.shim.status.ReleaseInfo;
import io.eltm.shim.status.ReleaseInfos;

import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The last checks while services still run: version policy, what to swap, the migration plan and
 * the disk space the snapshot needs. Any refusal here leaves install and services untouched.
 */
public final class PreflightStep implements Step {

    public static final String NAME = "preflight";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean changesInstall() {
        return false;
    }

    @Override
    public StepOutcome run(OperationContext ctx) throws Exception {
        ReleaseInfo from = ReleaseInfos.read(ctx.installDir()).orElseThrow(() -> new RefusedException(
                ctx.installDir() + "/VERSION is missing: is ISERVER_HOME (or --install-dir) the ELTM install?"));
        ReleaseInfo to = ReleaseInfos.read(ctx.stagingDir()).orElseThrow(() -> new RefusedException(
                "the release has no VERSION file"));
        ctx.state().from(from);
        ctx.state().to(to);
        VersionPolicy.check(from, to, ctx.state().options().allowDowngrade());
        ctx.state().units(units(ctx.installDir(), ctx.stagingDir()));
        RenamePreconditions.check(ctx.installDir(), ctx.stagingDir(), ctx.backupDir(), ctx.paths().releaseCache(),
                ctx.state().units());
        MigrationPlan plan = migrationPlan(ctx);
        if (!plan.apply().isEmpty() && plan.baseline() == null) {
            new MigrationRunner(ctx.db()).validate(ctx.stagingDir(), plan);
        }
        ctx.state().migrations(plan.downgrade() ? plan.undoNames() : plan.applyNames(), plan.downgrade());
        ctx.save();
        if (plan.changesSchema()) {
            checkSnapshotSpace(ctx);
        }
        return StepOutcome.done(from.version() + " → " + to.version() + ", " + ctx.state().units().size()
                + " paths to swap, " + describe(plan));
    }

    @Override
    public void undo(OperationContext ctx) {
        // Nothing was changed.
    }

    static List<SwapUnit> units(Path install, Path staging) throws IOException {
        Set<Path> old = new HashSet<>(ReplacedPaths.swapUnits(install));
        Set<Path> fresh = new HashSet<>(ReplacedPaths.swapUnits(staging));
        Set<String> all = new TreeSet<>();
        old.forEach(p -> all.add(p.toString()));
        fresh.forEach(p -> all.add(p.toString()));
        return all.stream().map(p -> new SwapUnit(p, old.contains(Path.of(p)), fresh.contains(Path.of(p)))).toList();
    }

    private static MigrationPlan migrationPlan(OperationContext ctx) {
        MigrationScripts target = MigrationScripts.of(ctx.stagingDir());
        Set<MigrationVersion> undoAvailable = new HashSet<>(target.undo().keySet());
        undoAvailable.addAll(MigrationScripts.of(ctx.installDir()).undo().keySet());
        return MigrationPlanner.plan(ctx.db().history(), target.apply().keySet(), undoAvailable,
                ctx.state().options().allowDowngrade(), ctx.state().options().baseline());
    }

    private static void checkSnapshotSpace(OperationContext ctx) throws SQLException, IOException {
        long needed = new DatabaseSnapshot(ctx.db()).auditDatabaseBytes();
        Path data = ctx.installDir().resolve("server/pgsql/data");
        long free = Files.getFileStore(Files.exists(data) ? data : ctx.installDir()).getUsableSpace();
        if (needed + needed / 10 > free) {
            throw new RefusedException("the audit DB snapshot needs " + (needed >> 20) + " MiB but only " + (free >> 20)
                    + " MiB are free on the filesystem of " + data + ": free some space and retry");
        }
    }

    static String describe(MigrationPlan plan) {
        if (plan.downgrade()) {
            return "undo migrations " + String.join(", ", plan.undoNames());
        }
        return plan.apply().isEmpty() ? "no pending migrations" : "pending migrations " + String.join(", ", plan.applyNames());
    }
}
