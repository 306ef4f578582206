package io.eltm.shim.db;

import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code U} undo scripts, newest first, in one transaction, and removes their rows from
 * {@code schema_version}: all or none. Flyway's own undo is a paid edition, so the tool does it.
 */
public final class UndoRunner {

    private final AuditDatabase db;

    public UndoRunner(AuditDatabase db) {
        this.db = db;
    }

    /** Undoes {@code versions} (newest first) with the scripts in {@code scripts}. */
    public void undo(List<MigrationVersion> versions, Map<MigrationVersion, Path> scripts) throws SQLException {
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement();
                 PreparedStatement forget = c.prepareStatement(
                         "DELETE FROM " + SchemaHistory.TABLE + " WHERE version = ?")) {
                for (MigrationVersion v : versions) {
                    Path script = scripts.get(v);
                    if (script == null) {
                        throw new SQLException("no undo script for migration " + v.getVersion());
                    }
                    st.execute(read(script));
                    forget.setString(1, v.getVersion());
                    forget.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static String read(Path script) {
        try {
            return Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException("while reading undo script " + script, e);
        }
    }
}
