package io.eltm.shim.release;

/**
 * Bounds on what a release tarball may make us read, write and hold in memory (contract §4).
 *
 * @param maxUncompressedBytes refuse a tarball whose tar stream (every header, PAX record, link and file, as
 *                             inflated) is longer than this
 * @param freeSpaceMarginBytes keep at least this much free on the staging filesystem while extracting
 * @param maxEntries           refuse a tarball with more entries than this: each entry is remembered while
 *                             reading (to resolve links), so this bounds the memory a hostile archive can take
 */
public record ExtractionLimits(long maxUncompressedBytes, long freeSpaceMarginBytes, long maxEntries) {

    public static final long GIB = 1024L * 1024 * 1024;

    /** 8 GiB uncompressed at most; 512 MiB left free for the running services; 200,000 entries (a release has ~3,000). */
    public static final ExtractionLimits DEFAULT = new ExtractionLimits(8 * GIB, 512L * 1024 * 1024, 200_000);

    public ExtractionLimits {
        if (maxUncompressedBytes <= 0 || freeSpaceMarginBytes < 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("extraction limits must be positive, got max " + maxUncompressedBytes
                    + " bytes, margin " + freeSpaceMarginBytes + " bytes and max " + maxEntries + " entries");
        }
    }

    public ExtractionLimits withMaxUncompressedBytes(long max) {
        return new ExtractionLimits(max, freeSpaceMarginBytes, maxEntries);
    }

    public ExtractionLimits withFreeSpaceMarginBytes(long margin) {
        return new ExtractionLimits(maxUncompressedBytes, margin, maxEntries);
    }

    public ExtractionLimits withMaxEntries(long max) {
        return new ExtractionLimits(maxUncompressedBytes, freeSpaceMarginBytes, max);
    }

    /** The one rule for disk space: {@code bytes} fit when {@code usableBytes} minus the margin covers them. */
    public boolean fits(long bytes, long usableBytes) {
        return bytes <= usableBytes - freeSpaceMarginBytes;
    }
}
