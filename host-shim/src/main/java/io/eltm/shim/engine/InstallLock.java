package io.eltm.shim.engine;

import io.eltm.shim.RefusedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Keeps two operations off one install. An OS file lock, so a killed holder releases it at once
 * and there is never a stale lock to clean by hand. The file names the holder's pid for messages.
 */
public final class InstallLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private InstallLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or returns empty when another process holds it. */
    public static Optional<InstallLock> tryAcquire(ShimPaths paths) {
        try {
            Files.createDirectories(paths.root());
            FileChannel ch = FileChannel.open(paths.lock(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                return Optional.empty();
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            ch.force(false);
            return Optional.of(new InstallLock(ch, lock));
        } catch (IOException e) {
            throw new UncheckedIOException("while locking " + paths.lock(), e);
        }
    }

    /** Takes the lock or refuses (exit 3) naming the process that holds it. */
    public static InstallLock acquireOrRefuse(ShimPaths paths) {
        return tryAcquire(paths).orElseThrow(() -> new RefusedException("another eltm-shim operation is running on "
                + paths.installDir() + " (pid " + holder(paths) + "); wait for it to finish, then retry"));
    }

    private static String holder(ShimPaths paths) {
        try {
            return Files.readString(paths.lock()).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("while releasing the install lock", e);
        }
    }
}
