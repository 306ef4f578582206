package io.eltm.shim.release;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes real {@code .tar.gz} files entry by entry, including the kinds a release must not contain. */
public final class TestTarball {

    static final FileTime MTIME = FileTime.from(Instant.parse("2026-11-01T10:15:00Z"));

    private final String prefix;
    private int longFileMode = TarArchiveOutputStream.LONGFILE_POSIX;
    private final List<TarArchiveEntry> entries = new ArrayList<>();
    private final List<byte[]> contents = new ArrayList<>();

    /** @param topDirectory a top-level directory all entries go under, or "" for entries rooted at the install root */
    private TestTarball(String topDirectory) {
        this.prefix = topDirectory.isEmpty() ? "" : topDirectory + "/";
        if (!topDirectory.isEmpty()) {
            add(new TarArchiveEntry(prefix, true), 0755, null);
        }
    }

    public static TestTarball rooted() {
        return new TestTarball("");
    }

    public static TestTarball under(String topDirectory) {
        return new TestTarball(topDirectory);
    }

    /** A minimal valid release with replaced paths and a first-install skeleton. */
    public static TestTarball release(TestTarball tarball, String version) {
        return tarball
                .file("VERSION", "VERSION=" + version + "\nBUILT_AT=2026-11-01T10:15:00Z\nGIT_SHA=3f2c9a1d\n", 0644)
                .dir("bin")
                .file("bin/update-server.sh", "#!/bin/sh\necho update\n", 0755)
                .dir("server/engine")
                .file("server/engine/meta-service.jar", "jar bytes", 0644)
                .file("server/engine/application.properties", "skeleton config", 0644)
                .dir("server/engine/lib")
                .file("server/engine/lib/dep.jar", "dep", 0644)
                .file("server/webserver/admin/mstart-all", "#!/bin/sh\n", 0755)
                .file("server/utils/ADMIN_ping", "#!/bin/sh\n", 0750)
                .file("server/pgsql.factory/initdb.sql", "create table t(x int);", 0644)
                .file("server/pgsql.factory/migrations/V1__init.sql", "select 1;", 0644)
                .file("server/pgsql.factory/migrations/V2__more.sql", "select 2;", 0644)
                .file("library/JDBC/postgresql.jar", "driver", 0644)
                .file("data/workflow/README", "skeleton", 0644)
                .file("server/keystore.jks", "skeleton keystore", 0600);
    }

    /** Writes long names as GNU tar does ({@code ././@LongLink} entries) instead of PAX headers. */
    public TestTarball gnuLongNames() {
        longFileMode = TarArchiveOutputStream.LONGFILE_GNU;
        return this;
    }

    public TestTarball file(String name, String content, int mode) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), mode);
    }

    public TestTarball file(String name, byte[] content, int mode) {
        TarArchiveEntry entry = new TarArchiveEntry(prefix + name, true);
        entry.setSize(content.length);
        return add(entry, mode, content);
    }

    public TestTarball dir(String name) {
        return add(new TarArchiveEntry(prefix + name + "/", true), 0755, null);
    }

    public TestTarball symlink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(prefix + name, TarConstants.LF_SYMLINK, true);
        entry.setLinkName(target);
        return add(entry, 0777, null);
    }

    /** @param target the archive name of the earlier entry, as tar writes it (with the top directory) */
    public TestTarball hardLink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(prefix + name, TarConstants.LF_LINK, true);
        entry.setLinkName(target);
        return add(entry, 0644, null);
    }

    /** Gives the last entry a PAX record, which the archive stores in a PAX header before it. */
    public TestTarball paxRecord(String key, String value) {
        entries.get(entries.size() - 1).addPaxHeader(key, value);
        return this;
    }

    public TestTarball special(String name, byte type) {
        return add(new TarArchiveEntry(prefix + name, type, true), 0644, null);
    }

    /** An entry with exactly this name, no top directory added. */
    public TestTarball rawFile(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(bytes.length);
        return add(entry, 0644, bytes);
    }

    private TestTarball add(TarArchiveEntry entry, int mode, byte[] content) {
        entry.setMode(mode);
        entry.setModTime(MTIME);
        entries.add(entry);
        contents.add(content);
        return this;
    }

    /** The lowercase hex sha256 of a file, as {@code sha256sum} prints it. */
    public static String sha256Of(Path file) throws IOException {
        java.security.MessageDigest digest = Sha256.newDigest();
        digest.update(Files.readAllBytes(file));
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** Renames {@code from} over {@code to} in one step, as someone swapping a release file would. */
    public static void replace(Path from, Path to) {
        try {
            Files.move(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Path writeTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(out);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
            tar.setLongFileMode(longFileMode);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (int i = 0; i < entries.size(); i++) {
                tar.putArchiveEntry(entries.get(i));
                if (contents.get(i) != null) {
                    tar.write(contents.get(i));
                }
                tar.closeArchiveEntry();
            }
        }
        return file;
    }
}
