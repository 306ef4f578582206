package io.eltm.shim.release;

/**
 * Bounds on what a release tarball may make us read and write (contract §4).
 *
 * @param maxUncompressedBytes refuse a tarball whose entries add up to more than this
 * @param freeSpaceMarginBytes keep at least this much free on the staging filesystem while extracting
 */
public record ExtractionLimits(long maxUncompressedBytes, long freeSpaceMarginBytes) {

    public static final long GIB = 1024L * 1024 * 1024;

    /** 8 GiB uncompressed at most; 512 MiB left free for the running services. */
    public static final ExtractionLimits DEFAULT = new ExtractionLimits(8 * GIB, 512L * 1024 * 1024);

    public ExtractionLimits {
        if (maxUncompressedBytes <= 0 || freeSpaceMarginBytes < 0) {
            throw new IllegalArgumentException("extraction limits must be positive, got max " + maxUncompressedBytes
                    + " bytes and margin " + freeSpaceMarginBytes + " bytes");
        }
    }

    public ExtractionLimits withMaxUncompressedBytes(long max) {
        return new ExtractionLimits(max, freeSpaceMarginBytes);
    }

    public ExtractionLimits withFreeSpaceMarginBytes(long margin) {
        return new ExtractionLimits(maxUncompressedBytes, margin);
    }
}
