package io.eltm.shim.jobmeta;

import java.util.List;
import java.util.Map;

/**
 * How one exported table lands on the target.
 *
 * @param table       the table
 * @param rows        how many rows the export holds
 * @param staging     the legacy columns as staged on the target: name and the type they are staged as
 * @param columns     the target columns written, and from what
 * @param dropped     legacy columns no target column takes: not carried, reported
 * @param defaulted   target columns no legacy column feeds that have a default: they get it
 * @param nulled      target columns no legacy column feeds, nullable and without default: left NULL
 * @param key         the target's primary key, column by column, and the legacy column each comes from;
 *                    empty when a key column has no legacy column (rows are then named by number)
 * @param foreignKeys the target table's foreign keys
 */
public record TablePlan(String table, long rows, List<ColumnDef> staging, List<ColumnTranslation> columns,
        List<String> dropped, List<String> defaulted, List<String> nulled, Map<String, String> key,
        List<ForeignKey> foreignKeys) {

    public TablePlan {
        staging = List.copyOf(staging);
        columns = List.copyOf(columns);
        dropped = List.copyOf(dropped);
        defaulted = List.copyOf(defaulted);
        nulled = List.copyOf(nulled);
        key = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(key));
        foreignKeys = List.copyOf(foreignKeys);
    }

    /**
     * Whether legacy rows fit the target table as they are: every legacy column lands in the column of
     * the same name and type, with no expression. Such a table is copied straight into place.
     */
    public boolean direct() {
        return dropped.isEmpty() && columns.stream().filter(c -> c.kind() != ColumnTranslation.Kind.SAME).findAny()
                .isEmpty() && columns.size() == staging.size();
    }

    public java.util.Optional<ColumnTranslation> column(String target) {
        return columns.stream().filter(c -> c.target().equals(target)).findFirst();
    }
}
