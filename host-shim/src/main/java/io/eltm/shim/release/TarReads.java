package io.eltm.shim.release;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads from the archive, marking every failure as the archive's fault: the pass turns an
 * {@link ArchiveReadException} into a "truncated or corrupt" refusal, while write failures
 * (a full disk, permissions) stay plain {@link IOException}s.
 */
final class TarReads {

    private TarReads() {
    }

    /** Reads 1..max bytes; @throws ArchiveReadException when the data fails or ends early */
    static int read(InputStream in, byte[] buffer, int max) throws ArchiveReadException {
        int read;
        try {
            read = in.read(buffer, 0, max);
        } catch (IOException e) {
            throw new ArchiveReadException(e);
        }
        if (read < 0) {
            throw new ArchiveReadException(new EOFException("entry data ends before its declared size"));
        }
        return read;
    }

    /** An archive-side read failure, kept apart from write failures. */
    static final class ArchiveReadException extends IOException {
        ArchiveReadException(IOException cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
    }
}
