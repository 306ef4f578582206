package io.eltm.shim.kit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Unpacks a whole kit-built release tarball (first install): every entry, the top-level
 * {@code eltm-portable-<VERSION>/} directory stripped when present. Trusted input only; validating
 * untrusted tarballs is the shim's job (package {@code release}).
 */
final class KitTarballs {

    private static final String TOP_LEVEL = "eltm-portable-";

    private KitTarballs() {
    }

    static void extractAll(Path tarball, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream file = new BufferedInputStream(Files.newInputStream(tarball), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                if (name.startsWith(TOP_LEVEL)) {
                    int slash = name.indexOf('/');
                    name = slash < 0 ? "" : name.substring(slash + 1);
                }
                FileTrees.extractEntry(tar, entry, into, name);
            }
        }
    }
}
