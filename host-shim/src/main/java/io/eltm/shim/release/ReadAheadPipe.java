package io.eltm.shim.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a source on its own thread, a few chunks ahead of the consumer: inflating (and hashing) the
 * tarball overlaps with parsing tar and writing files, which is what makes extraction keep up with
 * {@code tar xzf} (where gzip and tar are two processes). A source failure reaches the consumer as
 * the same {@link IOException}, after the data read before it. Commons IO's ReadAheadInputStream
 * was tried first, but it reported a truncated gzip stream as a clean end of stream.
 */
final class ReadAheadPipe extends InputStream {

    private record Chunk(byte[] data, int length, Throwable failure) {
    }

    private static final Chunk END = new Chunk(null, 0, null);

    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<Chunk> filled;
    private final InputStream source;
    private final Thread pump;
    private Chunk current;
    private int position;

    ReadAheadPipe(InputStream source, int chunkSize, int chunks, String threadName) {
        this.source = source;
        free = new ArrayBlockingQueue<>(chunks);
        filled = new ArrayBlockingQueue<>(chunks + 1);
        for (int i = 0; i < chunks; i++) {
            free.add(new byte[chunkSize]);
        }
        pump = new Thread(() -> pump(source), threadName);
        pump.setDaemon(true);
        pump.start();
    }

    private void pump(InputStream source) {
        try {
            while (true) {
                byte[] buffer = free.take();
                int length = source.readNBytes(buffer, 0, buffer.length);
                if (length > 0) {
                    filled.put(new Chunk(buffer, length, null));
                }
                if (length < buffer.length) {
                    filled.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the consumer closed us: stop quietly
        } catch (IOException e) {
            filled.offer(new Chunk(null, 0, e));
        } catch (RuntimeException e) {
            // Commons Compress reports some corruptions as unchecked exceptions.
            filled.offer(new Chunk(null, 0, new IOException(e.getMessage(), e)));
        } catch (Error e) {
            // An OutOfMemoryError here must reach the consumer, who would otherwise wait forever.
            filled.offer(new Chunk(null, 0, e));
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (current == null || current.data() != null && position == current.length()) {
            nextChunk();
        }
        if (current.failure() instanceof Error error) {
            throw error;
        }
        if (current.failure() != null) {
            throw new IOException(current.failure().getMessage(), current.failure());
        }
        if (current == END) {
            return -1;
        }
        int count = Math.min(length, current.length() - position);
        System.arraycopy(current.data(), position, target, offset, count);
        position += count;
        return count;
    }

    private void nextChunk() throws InterruptedIOException {
        if (current != null) {
            free.add(current.data());
        }
        try {
            current = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the release tarball");
        }
        position = 0;
    }

    /** Stops the pump, then closes the source (which the pump no longer touches); closing twice is harmless. */
    @Override
    public void close() throws IOException {
        pump.interrupt();
        try {
            pump.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
