package io.eltm.shim.jobmeta;

import java.util.List;

/**
 * One table of an export file, as its manifest records it.
 *
 * @param table   the table's name (schema {@code public})
 * @param columns the exported columns, in the order of every row
 * @param rows    how many rows the section holds
 * @param sha256  SHA-256 (hex) of the section's header line and row lines, as written
 */
public record TableSection(String table, List<ColumnDef> columns, long rows, String sha256) {

    public TableSection {
        columns = List.copyOf(columns);
    }
}
