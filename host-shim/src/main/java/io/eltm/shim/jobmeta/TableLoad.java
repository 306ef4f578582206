package io.eltm.shim.jobmeta;

/**
 * What loading one table did.
 *
 * @param table    the table
 * @param rows     rows in the export
 * @param inserted rows inserted (fewer than {@code rows} only with {@link MergeMode#KEEP_EXISTING})
 */
public record TableLoad(String table, long rows, long inserted) {
}
