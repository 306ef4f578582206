package io.eltm.shim.engine;

import io.eltm.shim.RefusedException;
import io.eltm.shim.db.AuditDatabase;
import io.eltm.shim.db.MigrationPlan;
import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.release.ExtractionLimits;
import io.eltm.shim.release.ExtractionProgress;
import io.eltm.shim.release.ReleaseSource;
import io.eltm.shim.release.ReleaseSummary;
import io.eltm.shim.release.ReleaseTarball;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code eltm-shim check}: the upgrade's checks without the upgrade. The tarball is read once, every
 * rule checked exactly as the stage step does, and only its {@code VERSION} and migrations are written,
 * into a scratch directory where the upgrade's staging would be; then the same {@link Preflight} as the
 * upgrade runs. A bad tarball is named even when the DB is down (which is then named too). Scratch and
 * download are removed afterwards.
 */
public final class ReleaseCheck {

    private final InstallEnvironment env;
    private final ExtractionLimits limits;

    public ReleaseCheck(InstallEnvironment env, ExtractionLimits limits) {
        this.env = env;
        this.limits = limits;
    }

    /** The report; @throws RefusedException joining its problems when the upgrade would be refused */
    public CheckReport check(String source, Optional<String> sha256, boolean allowDowngrade, String baseline,
                             ExtractionProgress progress) throws IOException, InterruptedException {
        CheckReport report = report(source, sha256, allowDowngrade, baseline, progress);
        if (!report.wouldProceed()) {
            throw new RefusedException(String.join("; ", report.problems()));
        }
        return report;
    }

    /** Everything found, problems included; changes nothing. */
    public CheckReport report(String source, Optional<String> sha256, boolean allowDowngrade, String baseline,
                              ExtractionProgress progress) throws IOException, InterruptedException {
        String install = env.installDir().toString();
        AuditDatabase db = new AuditDatabase(env);
        Path scratch = new ShimPaths(env.installDir()).operationDir("check-" + UUID.randomUUID());
        Path downloads = Files.createTempDirectory("eltm-shim-check");
        try {
            ReleaseSummary summary;
            try {
                ReleaseSource.LocalRelease local = ReleaseSource.withDefaultClient(downloads)
                        .resolve(source, sha256, progress);
                summary = new ReleaseTarball(local.file(), sha256).inspect(scratch.resolve("staging"), limits,
                        progress);
            } catch (RefusedException e) {
                List<String> problems = new ArrayList<>(List.of(e.getMessage()));
                Optional.ofNullable(Preflight.unreachable(db)).ifPresent(problems::add);
                return CheckReport.refused(install, problems);
            }
            return plan(summary, scratch.resolve("staging"), db, allowDowngrade, baseline);
        } finally {
            Trees.delete(downloads);
            Trees.delete(scratch);
        }
    }

    private CheckReport plan(ReleaseSummary summary, Path staging, AuditDatabase db, boolean allowDowngrade,
                             String baseline) throws IOException {
        Set<String> ships = new HashSet<>(summary.replacedEntries());
        Preflight.Findings found = new Preflight(env.installDir(), db).run(new Preflight.Candidate(staging,
                summary.swapUnits(), ships::contains, staging, summary.replacedBytes()), allowDowngrade, baseline);
        List<String> problems = new ArrayList<>();
        long free = Files.getFileStore(staging).getUsableSpace();
        if (!limits.fits(summary.replacedBytes(), free)) {
            problems.add("staging the release needs " + (summary.replacedBytes() >> 20) + " MiB but the install's "
                    + "filesystem has " + (free >> 20) + " MiB free and " + (limits.freeSpaceMarginBytes() >> 20)
                    + " MiB must stay free: free some space and retry");
        }
        problems.addAll(found.problems());
        MigrationPlan plan = found.plan();
        List<String> migrations = plan == null ? List.of() : plan.downgrade() ? plan.undoNames() : plan.applyNames();
        List<String> units = found.units().stream().map(SwapUnit::path).toList();
        return new CheckReport(env.installDir().toString(), found.from(), found.to(), summary.sha256(), units,
                migrations, plan != null && plan.downgrade(), found.removedFiles(),
                summary.replacedBytes() + found.snapshotBytes(), free, problems);
    }
}
