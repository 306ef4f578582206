package io.eltm.shim.kit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a tarball holds: each entry's name, mode and (for files) content, read with Commons Compress. */
record TarballListing(Map<String, Entry> entries) {

    record Entry(String name, int mode, boolean directory, long size, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    static TarballListing read(Path tarball) throws IOException {
        return read(tarball, true);
    }

    /** Names, modes and sizes only: for releases too large to hold in memory. */
    static TarballListing readWithoutContent(Path tarball) throws IOException {
        return read(tarball, false);
    }

    private static TarballListing read(Path tarball, boolean withContent) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(tarball);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.put(entry.getName(), new Entry(entry.getName(), entry.getMode() & 07777, entry.isDirectory(),
                        entry.getSize(), entry.isDirectory() || !withContent ? new byte[0] : tar.readAllBytes()));
            }
        }
        return new TarballListing(entries);
    }

    Entry get(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new AssertionError("no entry " + name + " in the tarball; it holds " + entries.keySet());
        }
        return entry;
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }
}
