package io.eltm.shim.jobmeta;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds which staged rows the target refuses by trying a statement row by row, each try in its own
 * subtransaction (a temporary PL/pgSQL function), and keeps what the error names: SQLSTATE, column,
 * constraint; never the server's text, which quotes the row. Only run once a set-based statement failed.
 */
final class RowDiagnosis {

    /** A refused row: its number in the staging table and what the error named. */
    record Failure(long row, String sqlState, String column, String constraint) {
    }

    private static final String FUNCTION = """
            CREATE OR REPLACE FUNCTION pg_temp.jobmeta_try(statement text, n bigint) RETURNS text[]
            LANGUAGE plpgsql AS $f$
            DECLARE state text; col text; con text;
            BEGIN
              EXECUTE statement USING n;
              RETURN NULL;
            EXCEPTION WHEN OTHERS THEN
              GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, col = COLUMN_NAME, con = CONSTRAINT_NAME;
              RETURN ARRAY[state, nullif(col, ''), nullif(con, '')];
            END $f$""";

    private static final String FAILURES = """
            SELECT n, r FROM (SELECT n, pg_temp.jobmeta_try(?, n) AS r FROM generate_series(1, ?) n OFFSET 0) tried
             WHERE r IS NOT NULL LIMIT ?""";

    private final Connection connection;

    RowDiagnosis(Connection connection) throws SQLException {
        this.connection = connection;
        StagingTable.execute(connection, FUNCTION);
    }

    /** The first {@code limit} of rows 1..{@code rows} on which {@code statement} (taking {@code $1}) fails. */
    List<Failure> failures(String statement, long rows, int limit) throws SQLException {
        List<Failure> failures = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(FAILURES)) {
            ps.setString(1, statement);
            ps.setLong(2, rows);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    failures.add(failure(rs.getLong(1), rs.getArray(2)));
                }
            }
        }
        return failures;
    }

    Optional<Failure> tryRow(String statement, long row) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_temp.jobmeta_try(?, ?)")) {
            ps.setString(1, statement);
            ps.setLong(2, row);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Array result = rs.getArray(1);
                return result == null ? Optional.empty() : Optional.of(failure(row, result));
            }
        }
    }

    private static Failure failure(long row, Array array) throws SQLException {
        String[] parts = (String[]) array.getArray();
        return new Failure(row, parts[0], parts[1], parts[2]);
    }
}
