package io.eltm.shim.release;

import io.eltm.shim.RefusedException;
import io.eltm.shim.release.TarReads.ArchiveReadException;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.commons.io.input.CloseShieldInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One streaming pass over a release tarball: every entry checked against contract §4, the replaced
 * paths written when a {@link StagingWriter} is given. Two threads share the work: a read-ahead
 * thread reads, hashes and inflates the file while this thread parses tar and writes files.
 */
final class TarballPass {

    private static final int READ_AHEAD_BYTES = 8 << 20;
    private static final int CHUNKS = 3;
    private static final int MAX_VERSION_FILE_BYTES = 64 * 1024;

    private final Path file;
    private final Optional<String> expectedSha256;
    private final ExtractionLimits limits;
    private final StagingWriter writer;
    private final TarballRefusals refusals;
    private final Predicate<String> writes;
    private final EntryPaths paths;
    private final ArchiveTree tree;
    private final List<String> replacedEntries = new ArrayList<>();
    private final List<String> migrations = new ArrayList<>();
    private final List<String> swapUnits = new ArrayList<>();
    private VersionFile versionFile;
    private boolean hasEngine;
    private long entryCount;
    private long uncompressedBytes;
    private long replacedBytes;
    private String lastEntry;

    /**
     * @param writer where written paths go, or {@code null} to only validate
     * @param writes which replaced paths the writer takes (all for an upgrade; VERSION and migrations for check)
     */
    TarballPass(Path file, Optional<String> expectedSha256, ExtractionLimits limits, StagingWriter writer,
                Predicate<String> writes, TarballRefusals refusals) {
        this.file = file;
        this.writes = writes;
        this.expectedSha256 = expectedSha256;
        this.limits = limits;
        this.writer = writer;
        this.refusals = refusals;
        this.paths = new EntryPaths(refusals);
        this.tree = new ArchiveTree(refusals);
    }

    ReleaseSummary run(ExtractionProgress progress) throws IOException {
        long size = Files.size(file);
        int chunkSize = (int) Math.max(64 * 1024, Math.min(READ_AHEAD_BYTES, size)); // small files, small buffers
        try (InputStream raw = Files.newInputStream(file);
             HashingInputStream hashing = new HashingInputStream(raw, size, progress)) {
            // Two stages: a pump thread reads, hashes and inflates while this thread parses tar and writes.
            // Measured on 2 busy cores: a third stage (hashing apart) and small chunks lost more to thread
            // wake-ups than they gained; 8 MiB chunks keep hand-offs to about one per 8 MiB.
            try (InputStream inflated = new ReadAheadPipe(gunzip(CloseShieldInputStream.wrap(hashing)),
                    chunkSize, CHUNKS, "inflate " + file.getFileName());
                 BoundedInputStream counted = counted(inflated);
                 RawNameTarInputStream tar = new RawNameTarInputStream(counted, refusals, () -> lastEntry)) {
                for (TarArchiveEntry entry = next(tar); entry != null; entry = next(tar)) {
                    take(entry, tar, counted.getCount());
                }
                drain(counted);
                uncompressedBytes = counted.getCount();
            } catch (ArchiveReadException e) {
                throw refusals.corrupt(e.getCause(), lastEntry);
            }
            hashing.drain();
            String sha256 = hashing.sha256();
            if (expectedSha256.isPresent() && !expectedSha256.get().equals(sha256)) {
                throw Sha256.mismatch(file.toString(), expectedSha256.get(), sha256);
            }
            checkComplete();
            tree.checkLinks();
            if (writer != null) {
                writer.finish();
            }
            migrations.sort(null);
            return new ReleaseSummary(versionFile, entryCount, uncompressedBytes, replacedBytes, migrations,
                    swapUnits, replacedEntries, sha256);
        }
    }

    // Every byte of the tar stream counts: headers, PAX records, long names, links, padding and file data.
    private BoundedInputStream counted(InputStream inflated) throws IOException {
        return BoundedInputStream.builder().setInputStream(inflated).setMaxCount(limits.maxUncompressedBytes() + 1)
                .setOnMaxCount((max, count) -> {
                    throw refusals.entry(lastEntry == null ? "(first header)" : lastEntry, "brings the uncompressed "
                            + "size of the archive (every header, link and file counted) over the limit of "
                            + limits.maxUncompressedBytes() + " bytes");
                }).get();
    }

    private void take(TarArchiveEntry entry, RawNameTarInputStream tar, long readSoFar) throws IOException {
        String name = tar.rawName(entry);
        lastEntry = name;
        if (++entryCount > limits.maxEntries()) {
            throw refusals.entry(name, "is entry number " + entryCount + ", over the limit of " + limits.maxEntries()
                    + " entries");
        }
        refuseSpecialEntries(entry, name);
        String path = paths.relativePath(name, entry.isDirectory());
        if (path.equals(ReplacedPaths.ENGINE) || path.startsWith(ReplacedPaths.ENGINE + "/")) {
            hasEngine = true;
        }
        if (path.isEmpty() && !entry.isDirectory()) {
            throw refusals.entry(name, "names the install root itself but is not a directory");
        }
        boolean replaced = ReplacedPaths.isReplaced(path);
        boolean write = writer != null && replaced && writes.test(path);
        if (replaced) {
            replacedEntries.add(path);
            String unit = ReplacedPaths.swapUnitOf(path);
            if (!swapUnits.contains(unit)) {
                swapUnits.add(unit);
            }
        }
        if (entry.isSymbolicLink()) {
            String target = paths.symlinkTarget(name, entry.getLinkName());
            tree.symlink(name, path, target, replaced);
            if (write) {
                writer.symlink(path, target);
            }
        } else if (entry.isLink()) {
            String target = paths.hardLinkTarget(name, entry.getLinkName());
            tree.hardLink(name, path, target);
            // Checked in validate too, so `check` predicts what the upgrade will refuse.
            if (replaced && !ReplacedPaths.isReplaced(target)) {
                throw refusals.entry(name, "is a hard link to '" + entry.getLinkName()
                        + "', which is outside the replaced paths, so the upgrade cannot take it");
            }
            if (write) {
                writer.hardLink(path, target);
            }
        } else if (entry.isDirectory()) {
            tree.directory(name, path);
            if (write && !path.isEmpty()) {
                writer.directory(path, entry.getMode(), entry.getLastModifiedTime());
            }
        } else {
            tree.file(name, path);
            takeFile(entry, tar, name, path, replaced, write, readSoFar);
        }
    }

    private void takeFile(TarArchiveEntry entry, RawNameTarInputStream tar, String name, String path,
                          boolean replaced, boolean write, long readSoFar) throws IOException {
        long size = entry.getSize();
        // Refused from the header, before any of the data is read or written.
        if (size > limits.maxUncompressedBytes() - readSoFar) {
            throw refusals.entry(name, "is " + size + " bytes, which brings the uncompressed size of the archive "
                    + "to " + (readSoFar + size) + " bytes, over the limit of " + limits.maxUncompressedBytes() + " bytes");
        }
        if (replaced) {
            replacedBytes += size;
        }
        if (path.startsWith(ReplacedPaths.MIGRATIONS + "/")) {
            migrations.add(path.substring(ReplacedPaths.MIGRATIONS.length() + 1));
        }
        if (path.equals("VERSION")) {
            byte[] content = readVersion(tar, name, size);
            if (write) {
                writer.file(name, path, content, entry.getMode(), entry.getLastModifiedTime());
            }
        } else if (write) {
            writer.file(name, path, tar, size, entry.getMode(), entry.getLastModifiedTime());
        }
        // Data of entries not written is read (and so checked) by the next getNextEntry.
    }

    private void refuseSpecialEntries(TarArchiveEntry entry, String name) {
        if (entry.isCharacterDevice() || entry.isBlockDevice()) {
            throw refusals.entry(name, "is a device file; a release contains only files, directories and links");
        }
        if (entry.isSparse()) {
            throw refusals.entry(name, "is a sparse file; a release contains only plain files, directories and links");
        }
        if (entry.isFIFO()) {
            throw refusals.entry(name, "is a fifo; a release contains only files, directories and links");
        }
        byte flag = entry.getLinkFlag();
        boolean plainFile = flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM
                || flag == TarConstants.LF_CONTIG;
        if (!plainFile && !entry.isDirectory() && !entry.isSymbolicLink() && !entry.isLink()) {
            throw refusals.entry(name, "has the unsupported tar type '" + (char) flag
                    + "'; a release contains only files, directories and links");
        }
    }

    private byte[] readVersion(RawNameTarInputStream tar, String name, long size) throws IOException {
        if (size > MAX_VERSION_FILE_BYTES) {
            throw refusals.entry(name, "is " + size + " bytes; a VERSION file has three short lines");
        }
        byte[] content = new byte[(int) size];
        int offset = 0;
        while (offset < content.length) {
            try {
                int read = tar.read(content, offset, content.length - offset);
                if (read < 0) {
                    throw new java.io.EOFException("VERSION ends before its declared size");
                }
                offset += read;
            } catch (IOException e) {
                throw new ArchiveReadException(e);
            }
        }
        try {
            versionFile = VersionFile.parse(new String(content, StandardCharsets.UTF_8), "entry '" + name + "'");
        } catch (IllegalArgumentException e) {
            throw new RefusedException("Refusing release tarball " + file + ": " + e.getMessage(), e);
        }
        return content;
    }

    private void checkComplete() {
        if (versionFile == null) {
            throw refusals.archive("it has no VERSION file at the install root, so it is not an ELTM release");
        }
        if (!hasEngine) {
            throw refusals.archive("it has no server/engine/ directory, so it is not an ELTM release");
        }
    }

    private static InputStream gunzip(InputStream in) throws ArchiveReadException {
        try {
            return GzipCompressorInputStream.builder().setInputStream(in).setDecompressConcatenated(true).get();
        } catch (IOException e) {
            throw new ArchiveReadException(e);
        }
    }

    private static TarArchiveEntry next(RawNameTarInputStream tar) throws ArchiveReadException {
        try {
            return tar.getNextEntry();
        } catch (RefusedException e) {
            throw e; // a limit hit while reading a header: already says what is wrong
        } catch (IOException e) {
            throw new ArchiveReadException(e);
        } catch (RuntimeException e) {
            // Commons Compress reports some malformed headers as unchecked exceptions.
            throw new ArchiveReadException(new IOException(e.getMessage(), e));
        }
    }

    // Reads the end-of-archive padding and the gzip trailer, so their CRC and length are checked.
    private static void drain(InputStream inflated) throws ArchiveReadException {
        try {
            inflated.transferTo(OutputStreamSink.INSTANCE);
        } catch (IOException e) {
            throw new ArchiveReadException(e);
        }
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
