package io.eltm.shim.release;

/** Told how far a pass over a release file has come, so the command line can draw a bar. */
@FunctionalInterface
public interface ExtractionProgress {

    /** Reports nothing. */
    ExtractionProgress NONE = (bytesRead, totalBytes) -> { };

    /**
     * Called from the reading thread, often (about once per MiB): keep it cheap.
     *
     * @param bytesRead  bytes of the (compressed) file read so far
     * @param totalBytes the file's size, or -1 when unknown (a download without Content-Length)
     */
    void progress(long bytesRead, long totalBytes);
}
