package io.eltm.shim.jobmeta;

import java.util.List;

/**
 * A foreign key of a target table.
 *
 * @param name              the constraint's name
 * @param columns           the referring columns of the table, in key order
 * @param referencedTable   the table referred to (schema {@code public})
 * @param referencedColumns its columns, in the same order
 */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns) {

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
