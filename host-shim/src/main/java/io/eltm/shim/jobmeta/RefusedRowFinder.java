package io.eltm.shim.jobmeta;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * After a table's load failed (on a constraint the plan could not see: a trigger, a deferred check),
 * names the row the target refused by its key. Runs in the failed import's transaction, rolled back to
 * the table's savepoint, so the tables loaded before it are in place: the section is staged again from
 * the file and inserted row by row until one is refused.
 */
final class RefusedRowFinder {

    private final Connection connection;
    private final Path file;

    RefusedRowFinder(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /** @return {@code ", row KEY: the row REASON"}, or empty when no single row is refused on its own */
    String find(TablePlan table, MergeMode merge) throws SQLException, IOException {
        StagingTable.execute(connection, "ROLLBACK TO SAVEPOINT " + TableLoader.SAVEPOINT);
        StagingTable staging = StagingTable.create(connection, "jobmeta_refused", table);
        new ExportFileReader(file).read(CopyIn.into(name -> name.equals(table.table()) ? staging : null));
        staging.index();
        List<RowDiagnosis.Failure> failures = new RowDiagnosis(connection).failures(
                staging.insertInto(Sql.table(table.table()), merge == MergeMode.KEEP_EXISTING, true), table.rows(), 1);
        if (failures.isEmpty()) {
            return "";
        }
        RowDiagnosis.Failure failure = failures.get(0);
        return ", row " + staging.keyOf(failure.row()) + ": " + (failure.column() == null ? "the row "
                : "its " + failure.column() + " ") + SafeErrors.reason(failure.sqlState())
                + (failure.constraint() == null ? "" : " (constraint " + failure.constraint() + ")");
    }
}
