package io.eltm.shim.jobmeta;

/** What an import does when the target already holds rows in a table it loads. */
public enum MergeMode {
    /** The default: refuse before any change, naming the non-empty tables. */
    REFUSE,
    /** Delete the target's rows of every loaded table first (in the same transaction). */
    REPLACE,
    /** Keep target rows; legacy rows whose key already exists are skipped and counted. */
    KEEP_EXISTING
}
