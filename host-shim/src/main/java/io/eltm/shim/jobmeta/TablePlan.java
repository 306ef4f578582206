package io.eltm.shim.jobmeta;

import java.util.List;

/**
 * How one exported table lands on the target.
 *
 * @param table       the table
 * @param rows        how many rows the export holds
 * @param staging     the legacy columns as staged on the target: name and the type they are staged as
 * @param columns     the target columns written, and from what
 * @param dropped     legacy columns no target column takes: not carried, reported
 * @param defaulted   target columns no legacy column feeds: they get their default (or null)
 */
public record TablePlan(String table, long rows, List<ColumnDef> staging, List<ColumnTranslation> columns,
        List<String> dropped, List<String> defaulted) {

    public TablePlan {
        staging = List.copyOf(staging);
        columns = List.copyOf(columns);
        dropped = List.copyOf(dropped);
        defaulted = List.copyOf(defaulted);
    }

    /**
     * Whether legacy rows fit the target table as they are: every legacy column lands in the column of
     * the same name and type, with no expression. Such a table is copied straight into place.
     */
    public boolean direct() {
        return dropped.isEmpty() && columns.stream().filter(c -> c.kind() != ColumnTranslation.Kind.SAME).findAny()
                .isEmpty() && columns.size() == staging.size();
    }
}
