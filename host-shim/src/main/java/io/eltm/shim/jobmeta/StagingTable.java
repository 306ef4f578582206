package io.eltm.shim.jobmeta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One export section's legacy rows in a temporary table on the target, typed as the plan stages them
 * and numbered in file order ({@value #ROW}), and the one {@code INSERT ... SELECT} that moves them into
 * a table of the target's shape applying the plan's renames, casts and expressions. Dropped at the end of
 * the transaction; never visible to another session.
 */
final class StagingTable {

    static final String ROW = "jobmeta_row";

    private final Connection connection;
    private final String name;
    private final TablePlan plan;
    private boolean indexed;

    private StagingTable(Connection connection, String name, TablePlan plan) {
        this.connection = connection;
        this.name = name;
        this.plan = plan;
    }

    static StagingTable create(Connection connection, String name, TablePlan plan) throws SQLException {
        String columns = plan.staging().stream().map(c -> Sql.quote(c.name()) + " " + c.type())
                .collect(Collectors.joining(", "));
        execute(connection, "CREATE TEMPORARY TABLE " + name + " (" + ROW + " bigint GENERATED ALWAYS AS IDENTITY, "
                + columns + ") ON COMMIT DROP");
        return new StagingTable(connection, name, plan);
    }

    String name() {
        return name;
    }

    TablePlan plan() {
        return plan;
    }

    /** A {@code COPY ... FROM STDIN} of the section's rows, as the export holds them. */
    CopyIn copyIn() throws SQLException {
        return new CopyIn(connection, name, plan);
    }

    /**
     * The statement moving the staged rows into {@code into} (the target table, or one of its shape).
     *
     * @param oneRow whether to move only the row numbered {@code $1} (a PL/pgSQL parameter)
     */
    String insertInto(String into, boolean keepExisting, boolean oneRow) {
        List<ColumnTranslation> columns = plan.columns();
        return "INSERT INTO " + into
                + " (" + Sql.columnList(columns.stream().map(ColumnTranslation::target).toList()) + ")"
                + " OVERRIDING SYSTEM VALUE SELECT "
                + columns.stream().map(ColumnTranslation::sql).collect(Collectors.joining(", "))
                + " FROM " + name + (oneRow ? " WHERE " + ROW + " = $1" : "")
                + (keepExisting ? " ON CONFLICT DO NOTHING" : "");
    }

    /** Makes looking up one row by number cheap (for row-by-row diagnosis). */
    void index() throws SQLException {
        if (!indexed) {
            execute(connection, "CREATE INDEX ON " + name + " (" + ROW + ")");
            execute(connection, "ANALYZE " + name);
            indexed = true;
        }
    }

    /** How people name row {@code row}: by the target's key ({@code job_name=job_5}), else by number. */
    String keyOf(long row) throws SQLException {
        Map<String, String> key = plan.key();
        if (key.isEmpty()) {
            return "row " + row + " of the export's " + plan.table();
        }
        List<String> parts = new ArrayList<>();
        String select = key.values().stream().map(c -> Sql.quote(c) + "::text").collect(Collectors.joining(", "));
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + select + " FROM " + name + " WHERE "
                + ROW + " = ?")) {
            ps.setLong(1, row);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "row " + row + " of the export's " + plan.table();
                }
                int i = 1;
                for (String target : key.keySet()) {
                    parts.add(target + "=" + rs.getString(i++));
                }
            }
        }
        return String.join(", ", parts);
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
