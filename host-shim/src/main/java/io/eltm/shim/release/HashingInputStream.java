package io.eltm.shim.release;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** Hashes and counts what passes through, and reports the count, so a file is read only once. */
final class HashingInputStream extends FilterInputStream {

    private static final long REPORT_EVERY_BYTES = 1 << 20;

    private final MessageDigest digest = Sha256.newDigest();
    private final ExtractionProgress progress;
    private final long totalBytes;
    private long bytesRead;
    private long reportedAt;

    HashingInputStream(InputStream in, long totalBytes, ExtractionProgress progress) {
        super(in);
        this.totalBytes = totalBytes;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = in.read(buffer, offset, length);
        if (read > 0) {
            digest.update(buffer, offset, read);
            bytesRead += read;
            if (bytesRead - reportedAt >= REPORT_EVERY_BYTES) {
                reportedAt = bytesRead;
                progress.progress(bytesRead, totalBytes);
            }
        } else if (read < 0 && reportedAt != bytesRead) {
            reportedAt = bytesRead;
            progress.progress(bytesRead, totalBytes);
        }
        return read;
    }

    /** Skipping would leave bytes out of the hash, so it reads instead. */
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, 64 * 1024)];
        int read = read(buffer, 0, buffer.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads the rest of the stream (trailing bytes count for the checksum too). */
    void drain() throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (read(buffer, 0, buffer.length) >= 0) {
            // reading is the point: every byte goes into the digest
        }
    }

    long bytesRead() {
        return bytesRead;
    }

    String sha256() {
        return Sha256.hex(digest);
    }
}
