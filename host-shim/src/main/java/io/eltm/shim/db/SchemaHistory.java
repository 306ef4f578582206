package io.eltm.shim.db;

import org.flywaydb.core.api.MigrationVersion;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code schema_version} (Flyway's history table under its contract name) says is applied.
 *
 * @param tableExists false for a DB that never saw a migration (needs {@code --baseline})
 * @param applied     successfully applied (or baselined) versions, oldest first
 */
public record SchemaHistory(boolean tableExists, List<MigrationVersion> applied) {

    public static final String TABLE = "schema_version";

    public SchemaHistory {
        applied = List.copyOf(applied);
    }

    public static SchemaHistory read(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, TABLE, new String[] {"TABLE"})) {
            if (!rs.next()) {
                return new SchemaHistory(false, List.of());
            }
        }
        List<MigrationVersion> applied = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM " + TABLE
                     + " WHERE success AND version IS NOT NULL")) {
            while (rs.next()) {
                applied.add(MigrationVersion.fromVersion(rs.getString(1)));
            }
        }
        applied.sort(null);
        return new SchemaHistory(true, applied);
    }

    /** The newest applied version as text, or null when none. */
    public String current() {
        return applied.isEmpty() ? null : applied.get(applied.size() - 1).getVersion();
    }
}
