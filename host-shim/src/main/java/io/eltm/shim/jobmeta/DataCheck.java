package io.eltm.shim.jobmeta;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the import would refuse in the rows themselves, found before anything stops: every section is
 * staged in a temporary table on the target, inside the caller's transaction (which it rolls back), and
 * the target is asked, set-based, what it refuses: an expression naming no legacy column, a NULL into a
 * NOT NULL column, a value too long, out of range or not of the column's type, a check constraint (of a
 * table that needs translating), a foreign key whose rows neither travel nor are on the target. Rows
 * are named by their key. What it cannot see (triggers, unique keys against the target's own rows, check
 * constraints of tables copied as they are) the import still refuses, naming the row
 * ({@link RefusedRowFinder}), and rolls back.
 */
final class DataCheck {

    /** Rows named per table and problem; the count says how many more. */
    static final int NAMED_ROWS = 5;

    private final Connection connection;
    private final ImportPlan plan;
    private final MergeMode merge;
    private final Map<String, StagingTable> staged = new LinkedHashMap<>();
    private final Set<String> broken = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    private RowDiagnosis diagnosis;

    DataCheck(Connection connection, ImportPlan plan, MergeMode merge) {
        this.connection = connection;
        this.plan = plan;
        this.merge = merge;
    }

    List<String> check(Path file) throws SQLException, IOException {
        int n = 0;
        for (TablePlan table : plan.tables()) {
            staged.put(table.table(), StagingTable.create(connection, "jobmeta_check_" + ++n, table));
        }
        staged.values().forEach(this::checkExpressions);
        new ExportFileReader(file).read(CopyIn.into(staged::get));
        diagnosis = new RowDiagnosis(connection);
        for (StagingTable table : staged.values()) {
            if (!broken.contains(table.plan().table())) {
                checkRows(table);
            }
        }
        for (StagingTable table : staged.values()) {
            if (!broken.contains(table.plan().table())) {
                for (ForeignKey key : table.plan().foreignKeys()) {
                    checkReferences(table, key);
                }
            }
        }
        return List.copyOf(problems);
    }

    /** An expression that names a column the export lacks, or is no valid SQL, fails with no row read. */
    private void checkExpressions(StagingTable table) {
        for (ColumnTranslation column : table.plan().columns()) {
            if (column.kind() != ColumnTranslation.Kind.EXPRESSION) {
                continue;
            }
            try {
                guarded(() -> StagingTable.execute(connection, "SELECT " + column.sql() + " FROM " + table.name()
                        + " LIMIT 0"));
            } catch (SQLException e) {
                broken.add(table.plan().table());
                problems.add("--expr " + table.plan().table() + "." + column.target() + "=" + column.sql()
                        .substring(1, column.sql().length() - 1) + ": " + SafeErrors.describe(e) + "; the export of "
                        + table.plan().table() + " has the columns " + table.plan().staging().stream()
                        .map(ColumnDef::name).collect(Collectors.joining(", ")));
            }
        }
    }

    /**
     * NULLs, lengths, ranges, types and check constraints: the rows go into an empty table of the target's
     * shape. A table copied straight in (same columns, same types) can only break a NOT NULL there: only
     * those columns are looked at, without a second copy of its rows.
     */
    private void checkRows(StagingTable table) throws SQLException {
        TablePlan tablePlan = table.plan();
        String shape = "jobmeta_shape_" + table.name().substring(table.name().lastIndexOf('_') + 1);
        StagingTable.execute(connection, "CREATE TEMPORARY TABLE " + shape + " (LIKE " + Sql.table(tablePlan.table())
                + " INCLUDING CONSTRAINTS) ON COMMIT DROP");
        Set<String> written = tablePlan.columns().stream().map(ColumnTranslation::target).collect(Collectors.toSet());
        List<String> notNull = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT attname FROM pg_attribute WHERE attrelid = "
                + "?::regclass AND attnum > 0 AND NOT attisdropped AND attnotnull")) {
            ps.setString(1, shape);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    notNull.add(rs.getString(1));
                }
            }
        }
        for (String column : notNull) {
            if (!written.contains(column)) {
                // the import gives it its default; the shape has none
                StagingTable.execute(connection, "ALTER TABLE " + shape + " ALTER COLUMN " + Sql.quote(column)
                        + " DROP NOT NULL");
            }
        }
        String oneRow = table.insertInto(shape, false, true);
        List<RowDiagnosis.Failure> failures = new ArrayList<>();
        if (tablePlan.direct()) {
            List<String> nullable = notNull.stream().filter(written::contains).map(c -> Sql.quote(c) + " IS NULL").toList();
            if (nullable.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT " + StagingTable.ROW + " FROM "
                    + table.name() + " WHERE " + String.join(" OR ", nullable) + " ORDER BY 1 LIMIT " + (NAMED_ROWS + 1));
                    ResultSet rs = ps.executeQuery()) {
                List<Long> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getLong(1));
                }
                if (!rows.isEmpty()) {
                    table.index();
                }
                for (long row : rows) {
                    diagnosis.tryRow(oneRow, row).ifPresent(failures::add);
                }
            }
        } else {
            try {
                guarded(() -> StagingTable.execute(connection, table.insertInto(shape, false, false)));
                return;
            } catch (SQLException refused) {
                // some row is refused: find which, one by one
            }
            table.index();
            failures.addAll(diagnosis.failures(oneRow, tablePlan.rows(), NAMED_ROWS + 1));
        }
        if (failures.isEmpty()) {
            return;
        }
        broken.add(tablePlan.table());
        for (RowDiagnosis.Failure failure : failures.subList(0, Math.min(NAMED_ROWS, failures.size()))) {
            problems.addAll(explain(table, shape, failure));
        }
        if (failures.size() > NAMED_ROWS) {
            problems.add(tablePlan.table() + ": more rows are refused than the " + NAMED_ROWS + " named above");
        }
    }

    /** Names the column(s) of a refused row: the error's own, else each column tried alone. */
    private List<String> explain(StagingTable table, String shape, RowDiagnosis.Failure failure) throws SQLException {
        String key = table.keyOf(failure.row());
        String tableName = table.plan().table();
        String tail = ": correct the row on the legacy host and export again, or translate the column with --expr";
        if (failure.column() != null) {
            return List.of(tableName + "." + failure.column() + ", row " + key + ": the value "
                    + SafeErrors.reason(failure.sqlState()) + tail);
        }
        List<String> found = new ArrayList<>();
        if (failure.sqlState().startsWith("22")) {
            String free = shape + "_free";
            StagingTable.execute(connection, "CREATE TEMPORARY TABLE IF NOT EXISTS " + free + " AS SELECT * FROM "
                    + Sql.table(tableName) + " WITH NO DATA");
            for (ColumnTranslation column : table.plan().columns()) {
                Optional<RowDiagnosis.Failure> alone = diagnosis.tryRow("INSERT INTO " + free + " ("
                        + Sql.quote(column.target()) + ") SELECT " + column.sql() + " FROM " + table.name()
                        + " WHERE " + StagingTable.ROW + " = $1", failure.row());
                alone.ifPresent(f -> found.add(tableName + "." + column.target() + ", row " + key + ": the value "
                        + SafeErrors.reason(f.sqlState()) + " " + column.targetType() + tail));
            }
        }
        if (found.isEmpty()) {
            found.add(tableName + ", row " + key + ": the row " + SafeErrors.reason(failure.sqlState())
                    + (failure.constraint() == null ? "" : " (constraint " + failure.constraint() + ")") + tail);
        }
        return found;
    }

    /** Referring rows must find their row among the export's or, unless replaced, the target's. */
    private void checkReferences(StagingTable table, ForeignKey key) throws SQLException {
        TablePlan child = table.plan();
        List<String> childSql = sqlOf(child, key.columns());
        if (childSql == null) {
            return;
        }
        StringBuilder sql = new StringBuilder("SELECT c.").append(StagingTable.ROW).append(", count(*) OVER () FROM (SELECT ")
                .append(StagingTable.ROW);
        for (int i = 0; i < childSql.size(); i++) {
            sql.append(", ").append(childSql.get(i)).append(" AS k").append(i);
        }
        sql.append(" FROM ").append(table.name()).append(") c WHERE ");
        sql.append(join(childSql.size(), i -> "c.k" + i + " IS NOT NULL", " AND "));
        StagingTable parent = staged.get(key.referencedTable());
        boolean targetRowsStay = parent == null || merge != MergeMode.REPLACE;
        if (targetRowsStay) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM ").append(Sql.table(key.referencedTable())).append(" p WHERE ")
                    .append(join(childSql.size(), i -> "p." + Sql.quote(key.referencedColumns().get(i)) + " = c.k" + i,
                            " AND ")).append(")");
        }
        List<String> parentSql = parent == null ? null : sqlOf(parent.plan(), key.referencedColumns());
        if (parentSql != null) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM (SELECT ").append(join(parentSql.size(),
                    i -> parentSql.get(i) + " AS k" + i, ", ")).append(" FROM ").append(parent.name())
                    .append(") s WHERE ").append(join(childSql.size(), i -> "s.k" + i + " = c.k" + i, " AND ")).append(")");
        }
        sql.append(" ORDER BY c.").append(StagingTable.ROW).append(" LIMIT ").append(NAMED_ROWS);
        List<String> keys = new ArrayList<>();
        long[] count = {0};
        guarded(() -> {
            try (PreparedStatement ps = connection.prepareStatement(sql.toString()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(table.keyOf(rs.getLong(1)));
                    count[0] = rs.getLong(2);
                }
            }
        });
        if (keys.isEmpty()) {
            return;
        }
        boolean includable = JobmetaTables.INCLUDABLE_BEFORE.containsKey(key.referencedTable());
        problems.add(child.table() + "." + String.join(", ", key.columns()) + ": " + ImportPlan.count(count[0], "row")
                + " refer to " + key.referencedTable() + " rows that " + (parent == null ? "do not travel" : "are not "
                + "in the export") + (targetRowsStay ? " and are not on the target" : " (--merge replace deletes the "
                + "target's)") + " (foreign key " + key.name() + "; rows " + String.join("; ", keys)
                + (count[0] > keys.size() ? "; ..." : "") + "): " + (parent == null && includable
                ? "export again with --include " + key.referencedTable()
                : "add the " + key.referencedTable() + " rows on the legacy host or the target first"));
    }

    /** The translation SQL of each of {@code columns}, or {@code null} when one is not written. */
    private static List<String> sqlOf(TablePlan table, List<String> columns) {
        List<String> sql = new ArrayList<>();
        for (String column : columns) {
            Optional<ColumnTranslation> translation = table.column(column);
            if (translation.isEmpty()) {
                return null;
            }
            sql.add(translation.get().sql());
        }
        return sql;
    }

    private static String join(int n, java.util.function.IntFunction<String> part, String separator) {
        return java.util.stream.IntStream.range(0, n).mapToObj(part).collect(Collectors.joining(separator));
    }

    /** Runs {@code work} under a savepoint, so that its failure leaves the transaction usable. */
    private void guarded(SqlWork work) throws SQLException {
        StagingTable.execute(connection, "SAVEPOINT jobmeta_check");
        try {
            work.run();
            StagingTable.execute(connection, "RELEASE SAVEPOINT jobmeta_check");
        } catch (SQLException e) {
            StagingTable.execute(connection, "ROLLBACK TO SAVEPOINT jobmeta_check");
            throw e;
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

}
