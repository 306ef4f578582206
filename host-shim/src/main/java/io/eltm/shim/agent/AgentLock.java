package io.eltm.shim.agent;

import io.eltm.shim.RefusedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One agent process per install on this machine: an exclusive lock on {@code transient/eltm-shim/agent/agent.lock},
 * held for the process's life and released by the kernel however it ends. Two agents on one machine for one install
 * would share a Lease holder name; this is what tells them apart.
 */
public final class AgentLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private AgentLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static AgentLock acquire(Path file, String installDir) {
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = Files.readString(file).strip();
                channel.close();
                throw new RefusedException("another eltm-shim agent already runs for install " + installDir
                        + " on this machine (" + (holder.isEmpty() ? "lock " + file : holder) + "): stop it first");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new AgentLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the agent lock " + file, e);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
