package io.eltm.shim.jobmeta;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Says what a database error was without repeating what the server said about the data: PostgreSQL's
 * message, detail and context quote values ("Failing row contains (..., password64, ...)", the COPY
 * line), and the rows carry base64 passwords and connection parameters. Only the error's fields that
 * name things are used: SQLSTATE, table, column, constraint, type. The server's own text is kept only
 * for errors in an operator's SQL (class 42: an unknown column, a syntax error), which quote that SQL.
 */
public final class SafeErrors {

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("23502", "is NULL, but the target column is NOT NULL"),
            Map.entry("22001", "is longer than the target column's type"),
            Map.entry("22003", "is out of range for the target column's type"),
            Map.entry("22P02", "is not a valid value of the target column's type"),
            Map.entry("22007", "is not a valid date or time"),
            Map.entry("22008", "is a date or time out of range"),
            Map.entry("23514", "breaks a check constraint of the target"),
            Map.entry("23505", "has a key that another row already has"),
            Map.entry("23503", "refers to a row that does not exist"),
            Map.entry("P0001", "is refused by a trigger of the target"));

    private SafeErrors() {
    }

    /** What is wrong with a value or row that failed with {@code sqlState}, without the value. */
    public static String reason(String sqlState) {
        return REASONS.getOrDefault(sqlState, "is refused by the target (SQLSTATE " + sqlState + ")");
    }

    /** {@code e} in words safe to print and log. */
    public static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return describe(psql.getServerErrorMessage());
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // raised by the driver itself (connection lost, I/O): no server text, no data
                return "database error" + (sql.getSQLState() == null ? "" : " SQLSTATE " + sql.getSQLState())
                        + ": " + sql.getMessage();
            }
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String describe(ServerErrorMessage error) {
        String state = error.getSQLState();
        if (state != null && state.startsWith("42")) {
            return error.getMessage() + " (SQLSTATE " + state + ")";
        }
        List<String> names = new ArrayList<>();
        add(names, "table", error.getTable());
        add(names, "column", error.getColumn());
        add(names, "constraint", error.getConstraint());
        add(names, "type", error.getDatatype());
        return "a value or row " + reason(state) + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")")
                + (REASONS.containsKey(state) ? " (SQLSTATE " + state + ")" : "");
    }

    private static void add(List<String> names, String what, String value) {
        if (value != null) {
            names.add(what + " " + value);
        }
    }
}
