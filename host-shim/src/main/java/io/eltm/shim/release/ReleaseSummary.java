package io.eltm.shim.release;

import java.util.List;

/**
 * What one pass over a release tarball found.
 *
 * @param versionFile       the release's {@code VERSION}
 * @param entryCount        archive entries (files, directories, links), skeleton included
 * @param uncompressedBytes length of the tar stream: every header, PAX record, link and file
 * @param replacedBytes     sum of the sizes of the entries in replaced paths (what staging needs)
 * @param migrations        file names under {@code server/pgsql.factory/migrations/}, sorted
 * @param swapUnits         the {@link ReplacedPaths#swapUnitOf swap units} the release ships, in archive order
 * @param replacedEntries   every path of the archive in the replaced paths (what an upgrade stages), in archive order
 * @param sha256            lowercase hex sha256 of the tarball file
 */
public record ReleaseSummary(VersionFile versionFile, long entryCount, long uncompressedBytes,
                             long replacedBytes, List<String> migrations, List<String> swapUnits,
                             List<String> replacedEntries, String sha256) {

    public ReleaseSummary {
        migrations = List.copyOf(migrations);
        swapUnits = List.copyOf(swapUnits);
        replacedEntries = List.copyOf(replacedEntries);
    }
}
