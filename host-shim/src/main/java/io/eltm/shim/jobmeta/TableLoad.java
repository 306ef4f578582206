package io.eltm.shim.jobmeta;

/**
 * What loading one table did.
 *
 * @param table    the table
 * @param rows     rows in the export
 * @param inserted rows written (fewer than {@code rows} only with {@link MergeMode#KEEP_EXISTING})
 */
public record TableLoad(String table, long rows, long inserted) {

    /** Export rows not written because the target already had a row with their key. */
    @com.fasterxml.jackson.annotation.JsonProperty("kept")
    public long kept() {
        return rows - inserted;
    }
}
