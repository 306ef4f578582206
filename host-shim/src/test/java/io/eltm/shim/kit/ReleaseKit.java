package io.eltm.shim.kit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.Deflater;

/**
 * Builds sample release tarballs {@code eltm-portable-<VERSION>.tar.gz} (contract §4) from a
 * {@link ReleaseSpec}, and keeps them in a cache directory keyed by a hash of their content, so
 * tests and benchmarks build each release once.
 */
public final class ReleaseKit {

    /** Bump when the padding generator changes: padding bytes are not part of the cache key otherwise. */
    private static final String FORMAT = "kit-format-1";

    private final Path cacheDir;

    public ReleaseKit(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** Caches under {@code ~/.cache/eltm/releases/}. */
    public static ReleaseKit inUserCache() {
        return new ReleaseKit(Path.of(System.getProperty("user.home"), ".cache", "eltm", "releases"));
    }

    /**
     * The tarball of {@code spec}, built on first request: {@code <cache>/<hash>/eltm-portable-<V>.tar.gz}.
     * Concurrent builders each write a temporary file and rename it into place.
     */
    public Path build(ReleaseSpec spec) {
        ReleaseContent content = new ReleaseContent(spec, new FillerJars());
        Path target = cacheDir.resolve(cacheKey(spec, content)).resolve(spec.fileName());
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), spec.fileName(), ".partial");
            try {
                write(spec, content, temp);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("building sample release " + spec.version() + " into " + target
                    + " failed: " + e.getMessage(), e);
        }
    }

    /** Writes the tarball of {@code spec} to {@code target}, bypassing the cache. */
    public void write(ReleaseSpec spec, Path target) {
        try {
            write(spec, new ReleaseContent(spec, new FillerJars()), target);
        } catch (IOException e) {
            throw new UncheckedIOException("writing sample release " + spec.version() + " to " + target
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static void write(ReleaseSpec spec, ReleaseContent content, Path target) throws IOException {
        GzipParameters gzip = new GzipParameters();
        // speed over ratio: the payload is mostly incompressible filler anyway
        gzip.setCompressionLevel(Deflater.BEST_SPEED);
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file, gzip))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarballWriter writer = new TarballWriter(tar, spec);
            for (ReleaseEntry entry : content.files()) {
                writer.add(entry);
            }
            for (ReleaseContent.PaddingFile padding : content.padding()) {
                writer.add(content.paddingEntry(padding));
            }
            tar.finish();
        }
    }

    private static String cacheKey(ReleaseSpec spec, ReleaseContent content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((FORMAT + "\n" + spec + "\n").getBytes(StandardCharsets.UTF_8));
            for (ReleaseEntry entry : content.files()) {
                sha.update((entry.path() + " " + Integer.toOctalString(entry.mode()) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                sha.update(entry.content());
            }
            return spec.version() + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Adds entries under the spec's root, emitting each parent directory once, before its first child. */
    private static final class TarballWriter {
        private final TarArchiveOutputStream tar;
        private final String prefix;
        private final FileTime mtime;
        private final Set<String> directories = new HashSet<>();

        TarballWriter(TarArchiveOutputStream tar, ReleaseSpec spec) {
            this.tar = tar;
            this.prefix = spec.topLevelDir() ? "eltm-portable-" + spec.version() + "/" : "";
            this.mtime = FileTime.from(spec.builtAt());
        }

        void add(ReleaseEntry file) throws IOException {
            String name = prefix + file.path();
            directory(name.substring(0, name.lastIndexOf('/') + 1));
            TarArchiveEntry entry = entry(name, TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | file.mode());
            entry.setSize(file.content().length);
            tar.putArchiveEntry(entry);
            tar.write(file.content());
            tar.closeArchiveEntry();
        }

        private void directory(String name) throws IOException {
            if (name.isEmpty() || directories.contains(name)) {
                return;
            }
            directory(name.substring(0, name.lastIndexOf('/', name.length() - 2) + 1));
            directories.add(name);
            tar.putArchiveEntry(entry(name, TarArchiveEntry.DEFAULT_DIR_MODE));
            tar.closeArchiveEntry();
        }

        private TarArchiveEntry entry(String name, int mode) {
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setMode(mode);
            entry.setModTime(mtime);
            entry.setUserName("eltm");
            entry.setGroupName("eltm");
            entry.setIds(1000, 1000);
            return entry;
        }
    }
}
