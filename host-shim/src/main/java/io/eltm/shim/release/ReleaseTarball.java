package io.eltm.shim.release;

import io.eltm.shim.RefusedException;

import org.apache.commons.io.file.PathUtils;
import org.apache.commons.io.file.StandardDeleteOption;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A release tarball {@code eltm-portable-<VERSION>.tar.gz} (contract §4), read in one streaming pass
 * that checks every rule: {@link #validate} for {@code eltm-shim check} (writes nothing) and
 * {@link #extract} for an upgrade (writes the replaced paths into a staging directory).
 * Unsafe or damaged tarballs are refused with a {@link RefusedException} naming the entry.
 */
public final class ReleaseTarball {

    private final Path file;
    private final Optional<String> expectedSha256;

    /** @param expectedSha256 the {@code --sha256} value, checked against the file during the pass */
    public ReleaseTarball(Path file, Optional<String> expectedSha256) {
        this.file = file;
        this.expectedSha256 = expectedSha256.map(Sha256::normalize);
    }

    public static ReleaseTarball of(Path file) {
        return new ReleaseTarball(file, Optional.empty());
    }

    public Path file() {
        return file;
    }

    /** Reads and checks everything, writes nothing. */
    public ReleaseSummary validate(ExtractionLimits limits) throws IOException {
        return validate(limits, ExtractionProgress.NONE);
    }

    public ReleaseSummary validate(ExtractionLimits limits, ExtractionProgress progress) throws IOException {
        requireReadable();
        return pass(null, limits, path -> false, progress);
    }

    /**
     * Checks everything exactly as {@link #extract} does but writes only {@code VERSION} and the
     * migrations into {@code scratchDir} (created, must be empty; deleted on failure): what
     * {@code eltm-shim check} needs to run the upgrade's preflight without staging the release.
     */
    public ReleaseSummary inspect(Path scratchDir, ExtractionLimits limits, ExtractionProgress progress)
            throws IOException {
        // The few kilobytes written here are not staging: the caller judges staging's space from the summary.
        return write(scratchDir, limits.withFreeSpaceMarginBytes(0), progress,
                path -> path.equals("VERSION") || path.startsWith(ReplacedPaths.MIGRATIONS + "/"));
    }

    /**
     * Checks everything and writes the replaced paths (contract §1) into {@code stagingDir}, which is
     * created if absent and must be empty. Skeleton entries are checked and skipped. On any failure
     * the staging directory is deleted, so nothing is left behind.
     *
     * @throws RefusedException for an unsafe, damaged or oversized tarball
     * @throws IOException      when writing the staging directory fails
     */
    public ReleaseSummary extract(Path stagingDir, ExtractionLimits limits, ExtractionProgress progress)
            throws IOException {
        return write(stagingDir, limits, progress, ReplacedPaths::isReplaced);
    }

    private ReleaseSummary write(Path stagingDir, ExtractionLimits limits, ExtractionProgress progress,
                                 java.util.function.Predicate<String> writes) throws IOException {
        requireReadable();
        prepareStaging(stagingDir);
        try {
            return pass(stagingDir, limits, writes, progress);
        } catch (IOException | RuntimeException | Error e) {
            deleteStaging(stagingDir, e);
            throw e;
        }
    }

    // One pass; the pass and all it held are unreachable once it has thrown, so an OutOfMemoryError can
    // still be turned into a refusal (exit 3) here, with memory to spare for its message.
    private ReleaseSummary pass(Path stagingDir, ExtractionLimits limits, java.util.function.Predicate<String> writes,
                                ExtractionProgress progress) throws IOException {
        TarballRefusals refusals = new TarballRefusals(file);
        try {
            StagingWriter writer = stagingDir == null ? null : new StagingWriter(stagingDir, limits, refusals);
            return new TarballPass(file, expectedSha256, limits, writer, writes, refusals).run(progress);
        } catch (OutOfMemoryError e) {
            throw refusals.archive("reading it needed more memory than this JVM has (" + e.getMessage()
                    + "), which no release does");
        }
    }

    private void requireReadable() {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new RefusedException("Release tarball " + file + " does not exist or is not a readable file: "
                    + "give the path of an eltm-portable-<VERSION>.tar.gz");
        }
    }

    private static void prepareStaging(Path stagingDir) throws IOException {
        Files.createDirectories(stagingDir);
        try (Stream<Path> children = Files.list(stagingDir)) {
            if (children.findAny().isPresent()) {
                throw new IllegalStateException("staging directory " + stagingDir
                        + " is not empty; extract a release only into a fresh directory");
            }
        }
    }

    private static void deleteStaging(Path stagingDir, Throwable failure) {
        try {
            PathUtils.deleteDirectory(stagingDir, StandardDeleteOption.OVERRIDE_READ_ONLY);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
