package io.eltm.shim.engine;

import io.eltm.shim.status.ReleaseInfo;

import java.util.List;

/**
 * The plan {@code eltm-shim check} prints: what an upgrade with this tarball would do here.
 *
 * @param migrations versions to apply, or to undo when {@code downgrade}
 * @param spaceNeededBytes staging plus, when the schema changes, the audit DB snapshot
 */
public record CheckReport(String installDir, ReleaseInfo from, ReleaseInfo to, String sha256,
                          List<String> replacedPaths, List<String> migrations, boolean downgrade,
                          long spaceNeededBytes, long spaceFreeBytes) {
}
