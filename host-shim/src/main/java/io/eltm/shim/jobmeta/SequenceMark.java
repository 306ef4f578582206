package io.eltm.shim.jobmeta;

/**
 * The {@code seq_job_version_id} high-water mark of the source.
 *
 * @param name          the sequence's name
 * @param lastValue     its {@code last_value}
 * @param isCalled      its {@code is_called}
 * @param maxVersionKey {@code max(version_key)} of the exported history, or {@code null} when none
 */
public record SequenceMark(String name, long lastValue, boolean isCalled, Long maxVersionKey) {

    /** The value the target's sequence must at least have been set to: the highest key ever handed out. */
    public long highWater() {
        long fromSequence = isCalled ? lastValue : lastValue - 1;
        return maxVersionKey == null ? fromSequence : Math.max(fromSequence, maxVersionKey);
    }
}
