package io.eltm.shim.release;

import java.util.List;

/**
 * What one pass over a release tarball found.
 *
 * @param versionFile       the release's {@code VERSION}
 * @param entryCount        archive entries (files, directories, links), skeleton included
 * @param uncompressedBytes sum of all entries' sizes
 * @param replacedBytes     sum of the sizes of the entries in replaced paths (what staging needs)
 * @param migrations        file names under {@code server/pgsql.factory/migrations/}, sorted
 * @param sha256            lowercase hex sha256 of the tarball file
 */
public record ReleaseSummary(VersionFile versionFile, long entryCount, long uncompressedBytes,
                             long replacedBytes, List<String> migrations, String sha256) {

    public ReleaseSummary {
        migrations = List.copyOf(migrations);
    }
}
