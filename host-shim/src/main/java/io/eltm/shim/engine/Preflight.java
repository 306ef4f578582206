package io.eltm.shim.engine;

import io.eltm.shim.RefusedException;
import io.eltm.shim.db.AuditDatabase;
import io.eltm.shim.db.DatabasePreflight;
import io.eltm.shim.db.DatabaseSnapshot;
import io.eltm.shim.db.MigrationPlan;
import io.eltm.shim.db.MigrationPlanner;
import io.eltm.shim.db.MigrationRunner;
import io.eltm.shim.db.MigrationScripts;
import io.eltm.shim.release.ReplacedPaths;
import io.eltm.shim.status.ReleaseInfo;
import io.eltm.shim.status.ReleaseInfos;

import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The checks an upgrade makes while services still run, in one place so that {@code eltm-shim check}
 * and the upgrade's preflight step decide alike ({@code check} exits 0 only when the upgrade would not
 * refuse): version policy, what to swap and what that removes, the rename preconditions, the migration
 * plan from {@code schema_version}, Flyway's validation, the database's own checks
 * ({@link DatabasePreflight}: snapshot privileges, migrations that cannot run in a transaction) and the
 * space the DB snapshot needs. Every
 * problem is collected, not only the first, so one run says everything that stands in the way.
 */
public final class Preflight {

    /**
     * The new release as far as the checks need it.
     *
     * @param root         a tree holding at least its {@code VERSION} and migrations (staging, or check's scratch copy)
     * @param units        the swap units it ships (relative paths)
     * @param ships        whether it ships a path (relative, '/'-separated) of the replaced paths
     * @param stagingDir   where its replaced paths are (or would be) staged, on the install's filesystem
     * @param stagingBytes bytes still to be staged (0 once staged), on the same filesystem as the snapshot
     */
    public record Candidate(Path root, Collection<String> units, Predicate<String> ships, Path stagingDir,
                            long stagingBytes) {
    }

    /**
     * What was found. {@code from}, {@code to} and {@code plan} are null when they could not be read.
     *
     * @param removedFiles  files in the install's replaced paths that the new release does not ship (an admin's
     *                      JDBC driver, a site script): the swap moves them into the release cache
     * @param snapshotBytes space the DB snapshot needs (0 when the schema does not change)
     */
    public record Findings(ReleaseInfo from, ReleaseInfo to, List<SwapUnit> units, MigrationPlan plan,
                           List<String> removedFiles, long snapshotBytes, List<String> problems) {
    }

    private final Path installDir;
    private final AuditDatabase db;

    public Preflight(Path installDir, AuditDatabase db) {
        this.installDir = installDir;
        this.db = db;
    }

    public Findings run(Candidate release, boolean allowDowngrade, String baseline) throws IOException {
        List<String> problems = new ArrayList<>();
        ReleaseInfo from = ReleaseInfos.read(installDir).orElse(null);
        ReleaseInfo to = ReleaseInfos.read(release.root()).orElse(null);
        if (from == null) {
            problems.add(installDir + "/VERSION is missing: is ISERVER_HOME (or --install-dir) the ELTM install?");
        }
        if (to == null) {
            problems.add("the release has no VERSION file");
        }
        if (from != null && to != null) {
            collect(problems, () -> VersionPolicy.check(from, to, allowDowngrade));
        }
        List<SwapUnit> units = units(stringsOf(ReplacedPaths.swapUnits(installDir)), release.units());
        List<String> removed = RemovedFiles.of(installDir, units, release.ships());
        // the swap moves the old release beside staging (ops/<id>/previous) and then into the release cache
        problems.addAll(RenamePreconditions.problems(installDir, release.stagingDir(),
                release.stagingDir().resolveSibling("previous"), new ShimPaths(installDir).releaseCache(), units));
        MigrationPlan plan = null;
        long snapshotBytes = 0;
        String unreachable = unreachable(db);
        if (unreachable != null) {
            problems.add(unreachable);
        } else {
            plan = plan(release.root(), allowDowngrade, baseline, problems);
            if (plan != null && plan.changesSchema()) {
                snapshotBytes = snapshotSpace(release, problems);
            }
        }
        return new Findings(from, to, units, plan, removed, snapshotBytes, problems);
    }

    /** Null when the audit DB answers; else the problem, naming it and what to do. */
    public static String unreachable(AuditDatabase db) {
        try (Connection c = db.open()) {
            return null;
        } catch (SQLException e) {
            return "the audit DB " + db.url() + " is unreachable (" + e.getMessage() + "): Postgres must run "
                    + "for the migration plan; start it with mstart-pgsql and retry";
        }
    }

    /** The union of the installed and the new release's units, sorted: units only the install has are removed. */
    public static List<SwapUnit> units(Collection<String> installed, Collection<String> fresh) {
        Set<String> all = new TreeSet<>(installed);
        all.addAll(fresh);
        return all.stream().map(p -> new SwapUnit(p, installed.contains(p), fresh.contains(p))).toList();
    }

    public static Set<String> stringsOf(List<Path> units) {
        Set<String> strings = new HashSet<>();
        units.forEach(p -> strings.add(p.toString()));
        return strings;
    }

    private MigrationPlan plan(Path releaseRoot, boolean allowDowngrade, String baseline, List<String> problems) {
        try {
            MigrationScripts target = MigrationScripts.of(releaseRoot);
            Set<MigrationVersion> undoAvailable = new HashSet<>(target.undo().keySet());
            undoAvailable.addAll(MigrationScripts.of(installDir).undo().keySet());
            MigrationPlan plan = MigrationPlanner.plan(db.history(), target.apply().keySet(), undoAvailable,
                    allowDowngrade, baseline);
            if (!plan.apply().isEmpty() && plan.baseline() == null) {
                new MigrationRunner(db).validate(releaseRoot, plan);
            }
            DatabasePreflight.check(db, plan, releaseRoot, installDir);
            return plan;
        } catch (RefusedException e) {
            problems.add(e.getMessage());
            return null;
        } catch (SQLException e) {
            problems.add("cannot check the audit DB " + db.url() + " for the migration plan: " + e.getMessage());
            return null;
        }
    }

    // The snapshot is a copy of the audit DB inside the cluster's data directory: it needs that size plus 10%,
    // after staging took its share when staging is on the same filesystem.
    private long snapshotSpace(Candidate release, List<String> problems) throws IOException {
        long needed;
        try {
            needed = new DatabaseSnapshot(db).auditDatabaseBytes();
        } catch (SQLException e) {
            problems.add("cannot measure the audit DB " + db.url() + ": " + e.getMessage());
            return 0;
        }
        Path data = installDir.resolve("server/pgsql/data");
        FileStore store = Files.getFileStore(Files.exists(data) ? data : installDir);
        long free = store.getUsableSpace();
        if (release.stagingBytes() > 0 && store.equals(Files.getFileStore(existing(release.stagingDir())))) {
            free -= release.stagingBytes();
        }
        if (needed + needed / 10 > free) {
            problems.add("the audit DB snapshot needs " + (needed >> 20) + " MiB but only " + (Math.max(free, 0) >> 20)
                    + " MiB are free on the filesystem of " + data + ": free some space and retry");
        }
        return needed;
    }

    static Path existing(Path path) {
        Path p = path.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }

    private static void collect(List<String> problems, Runnable check) {
        try {
            check.run();
        } catch (RefusedException e) {
            problems.add(e.getMessage());
        }
    }
}
