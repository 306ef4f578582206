package io.eltm.shim.engine;

import io.eltm.shim.RefusedException;
import io.eltm.shim.db.AuditDatabase;
import io.eltm.shim.db.DatabaseSnapshot;
import io.eltm.shim.db.MigrationPlan;
import io.eltm.shim.db.MigrationPlanner;
import io.eltm.shim.db.MigrationScripts;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.release.ExtractionLimits;
import io.eltm.shim.release.ExtractionProgress;
import io.eltm.shim.release.ReleaseSource;
import io.eltm.shim.release.ReleaseSummary;
import io.eltm.shim.release.ReleaseTarball;
import io.eltm.shim.release.ReplacedPaths;
import io.eltm.shim.status.ReleaseInfo;
import io.eltm.shim.status.ReleaseInfos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code eltm-shim check}: the upgrade's pre-flight, reading and deciding only. The tarball is
 * validated in one streaming pass without writing it anywhere; a URL is downloaded to a temporary
 * file outside the install and removed afterwards.
 */
public final class ReleaseCheck {

    private final InstallEnvironment env;
    private final ExtractionLimits limits;

    public ReleaseCheck(InstallEnvironment env, ExtractionLimits limits) {
        this.env = env;
        this.limits = limits;
    }

    public CheckReport check(String source, Optional<String> sha256, boolean allowDowngrade, String baseline,
                             ExtractionProgress progress) throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("eltm-shim-check");
        try {
            ReleaseSource.LocalRelease local = ReleaseSource.withDefaultClient(tmp).resolve(source, sha256, progress);
            ReleaseSummary summary = new ReleaseTarball(local.file(), Optional.empty()).validate(limits, progress);
            ReleaseInfo from = ReleaseInfos.read(env.installDir()).orElseThrow(() -> new RefusedException(
                    env.installDir() + "/VERSION is missing: is ISERVER_HOME (or --install-dir) the ELTM install?"));
            ReleaseInfo to = ReleaseInfos.of(summary.versionFile());
            VersionPolicy.check(from, to, allowDowngrade);
            MigrationPlan plan = plan(summary, allowDowngrade, baseline);
            AuditDatabase db = new AuditDatabase(env);
            long snapshot = plan.changesSchema() ? snapshotBytes(db) : 0;
            long free = Files.getFileStore(env.installDir()).getUsableSpace();
            return new CheckReport(env.installDir().toString(), from, to, summary.sha256(), replacedPaths(),
                    plan.downgrade() ? plan.undoNames() : plan.applyNames(), plan.downgrade(),
                    summary.replacedBytes() + snapshot, free);
        } finally {
            Trees.delete(tmp);
        }
    }

    private MigrationPlan plan(ReleaseSummary summary, boolean allowDowngrade, String baseline) {
        Path dir = Path.of(MigrationScripts.LOCATION);
        MigrationScripts target = MigrationScripts.fromNames(summary.migrations().stream().map(Path::of).toList(), dir);
        Set<org.flywaydb.core.api.MigrationVersion> undo = new HashSet<>(target.undo().keySet());
        undo.addAll(MigrationScripts.of(env.installDir()).undo().keySet());
        return MigrationPlanner.plan(new AuditDatabase(env).history(), target.apply().keySet(), undo, allowDowngrade,
                baseline);
    }

    private static long snapshotBytes(AuditDatabase db) {
        try {
            return new DatabaseSnapshot(db).auditDatabaseBytes();
        } catch (SQLException e) {
            throw new RefusedException("cannot measure the audit DB " + db.url() + ": " + e.getMessage(), e);
        }
    }

    private List<String> replacedPaths() throws IOException {
        List<String> paths = new ArrayList<>(ReplacedPaths.WHOLE);
        paths.add(ReplacedPaths.ENGINE + "/*.jar");
        paths.add(ReplacedPaths.ENGINE_LIB);
        return paths;
    }
}
