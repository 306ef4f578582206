package io.eltm.shim.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the replaced paths of a release into the staging directory: files with their modes and
 * mtimes, symlinks as symlinks, hard links as links. Directory modes and mtimes are applied by
 * {@link #finish()}, after everything inside them is written. Keeps an eye on free space.
 */
final class StagingWriter {

    private static final int BUFFER_SIZE = 1 << 20;
    private static final PosixFilePermission[] MODE_BITS = PosixFilePermission.values();
    private static final Set<StandardOpenOption> CREATE_NEW_WRITE =
            EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private final Path root;
    private final FileStore store;
    private final ExtractionLimits limits;
    private final TarballRefusals refusals;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private final ByteBuffer wrapped = ByteBuffer.wrap(buffer);
    private final Set<Path> knownDirectories = new HashSet<>();
    private final Set<String> written = new HashSet<>();
    private final List<DirectoryAttributes> directories = new ArrayList<>();
    private long spaceLeft;

    private record DirectoryAttributes(Path dir, int mode, FileTime mtime) {
    }

    StagingWriter(Path root, ExtractionLimits limits, TarballRefusals refusals) throws IOException {
        this.root = root;
        this.store = Files.getFileStore(root);
        this.limits = limits;
        this.refusals = refusals;
        this.spaceLeft = store.getUsableSpace() - limits.freeSpaceMarginBytes();
        knownDirectories.add(root);
    }

    void directory(String path, int mode, FileTime mtime) throws IOException {
        Path dir = root.resolve(path);
        ensureDirectory(dir);
        directories.add(new DirectoryAttributes(dir, mode, mtime));
    }

    /** Copies {@code size} bytes of {@code data}; @throws TruncatedEntryException when the data ends early */
    void file(String entryName, String path, InputStream data, long size, int mode, FileTime mtime)
            throws IOException {
        reserve(entryName, size);
        Path file = prepare(path);
        try (FileChannel channel = FileChannel.open(file, CREATE_NEW_WRITE)) {
            long remaining = size;
            while (remaining > 0) {
                int read = TarReads.read(data, buffer, (int) Math.min(buffer.length, remaining));
                wrapped.clear().limit(read);
                while (wrapped.hasRemaining()) {
                    channel.write(wrapped);
                }
                remaining -= read;
            }
        }
        setAttributes(file, mode, mtime);
    }

    /** Writes bytes already read (the VERSION file). */
    void file(String entryName, String path, byte[] content, int mode, FileTime mtime) throws IOException {
        reserve(entryName, content.length);
        Path file = prepare(path);
        Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        setAttributes(file, mode, mtime);
    }

    void symlink(String path, String target) throws IOException {
        Files.createSymbolicLink(prepare(path), Path.of(target));
    }

    /** Links to an earlier file; when that file was not written (check writes only a few), the link is skipped too. */
    void hardLink(String path, String targetPath) throws IOException {
        if (written.contains(targetPath)) {
            Files.createLink(prepare(path), root.resolve(targetPath));
        }
    }

    /** Applies directory modes and mtimes, deepest first, now that nothing more is written into them. */
    void finish() throws IOException {
        for (int i = directories.size() - 1; i >= 0; i--) {
            DirectoryAttributes attributes = directories.get(i);
            setAttributes(attributes.dir(), attributes.mode(), attributes.mtime());
        }
    }

    // A later entry of the same name replaces the earlier one, as tar does; unlinking first means we
    // never write through an earlier symlink or into an earlier hard link's other name.
    private Path prepare(String path) throws IOException {
        Path target = root.resolve(path);
        ensureDirectory(target.getParent());
        if (!written.add(path)) {
            Files.deleteIfExists(target);
        }
        return target;
    }

    private void ensureDirectory(Path dir) throws IOException {
        if (knownDirectories.add(dir)) {
            Files.createDirectories(dir);
        }
    }

    // Asks the filesystem again only when our running estimate says the entry would not fit, so a
    // 3,000-file release costs a handful of statfs calls.
    private void reserve(String entryName, long size) throws IOException {
        if (size > spaceLeft) {
            long usable = store.getUsableSpace();
            spaceLeft = usable - limits.freeSpaceMarginBytes();
            if (!limits.fits(size, usable)) {
                throw refusals.space(entryName, "needs " + size + " bytes but the staging filesystem has " + usable
                        + " bytes free and " + limits.freeSpaceMarginBytes() + " bytes must stay free");
            }
        }
        spaceLeft -= size;
    }

    private static void setAttributes(Path path, int mode, FileTime mtime) throws IOException {
        PosixFileAttributeView view =
                Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        view.setPermissions(permissions(mode));
        // Giving the access time too spares the stat the JDK would do to keep the old one.
        view.setTimes(mtime, mtime, null);
    }

    // setuid, setgid and sticky bits are dropped on purpose: a release has no business setting them.
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < MODE_BITS.length; i++) {
            if ((mode & (1 << (MODE_BITS.length - 1 - i))) != 0) {
                permissions.add(MODE_BITS[i]);
            }
        }
        return permissions;
    }
}
