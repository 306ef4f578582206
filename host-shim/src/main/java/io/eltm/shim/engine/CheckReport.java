package io.eltm.shim.engine;

import io.eltm.shim.status.ReleaseInfo;

import java.util.List;

/**
 * What {@code eltm-shim check} found: what an upgrade with this tarball would do here, and everything
 * that would make it refuse. Fields that could not be worked out (a bad tarball, the DB down) are null.
 *
 * @param replacedPaths    the paths the upgrade swaps as a whole
 * @param migrations       versions to apply, or to undo when {@code downgrade}
 * @param removedFiles     files now in replaced paths that the release does not ship: the upgrade moves them
 *                         into the release cache (an admin's JDBC driver, a site script)
 * @param spaceNeededBytes staging plus, when the schema changes, the audit DB snapshot
 * @param problems         why the upgrade would be refused; empty when it would proceed
 */
public record CheckReport(String installDir, ReleaseInfo from, ReleaseInfo to, String sha256,
                          List<String> replacedPaths, List<String> migrations, boolean downgrade,
                          List<String> removedFiles, long spaceNeededBytes, long spaceFreeBytes,
                          List<String> problems) {

    public CheckReport {
        replacedPaths = List.copyOf(replacedPaths);
        migrations = List.copyOf(migrations);
        removedFiles = List.copyOf(removedFiles);
        problems = List.copyOf(problems);
    }

    /** True when the upgrade would proceed (exit 0). */
    public boolean wouldProceed() {
        return problems.isEmpty();
    }

    /** Only the problems: the tarball or the source could not be checked further. */
    static CheckReport refused(String installDir, List<String> problems) {
        return new CheckReport(installDir, null, null, null, List.of(), List.of(), false, List.of(), 0, 0, problems);
    }
}
