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
 * @param applied     successfully applied migrations, oldest first (baseline markers excluded)
 * @param baseline    the version a baseline marker row declares the DB matched, or null
 * @param failed      versions with a failed row: Flyway ran them outside a transaction and they broke
 *                    halfway, so the DB holds part of them (never "as before")
 */
public record SchemaHistory(boolean tableExists, List<MigrationVersion> applied, MigrationVersion baseline,
                            List<MigrationVersion> failed) {

    public static final String TABLE = "schema_version";
    private static final String BASELINE = "BASELINE";

    public SchemaHistory {
        applied = List.copyOf(applied);
        failed = List.copyOf(failed);
    }

    public SchemaHistory(boolean tableExists, List<MigrationVersion> applied, MigrationVersion baseline) {
        this(tableExists, applied, baseline, List.of());
    }

    public static SchemaHistory read(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, TABLE, new String[] {"TABLE"})) {
            if (!rs.next()) {
                return new SchemaHistory(false, List.of(), null, List.of());
            }
        }
        List<MigrationVersion> applied = new ArrayList<>();
        List<MigrationVersion> failed = new ArrayList<>();
        MigrationVersion baseline = null;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, type, success FROM " + TABLE
                     + " WHERE version IS NOT NULL")) {
            while (rs.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                if (!rs.getBoolean(3)) {
                    failed.add(v);
                } else if (BASELINE.equals(rs.getString(2))) {
                    baseline = v;
                } else {
                    applied.add(v);
                }
            }
        }
        applied.sort(null);
        return new SchemaHistory(true, applied, baseline, failed);
    }

    /** The newest applied (or baselined) version as text, or null when none. */
    public String current() {
        if (!applied.isEmpty()) {
            return applied.get(applied.size() - 1).getVersion();
        }
        return baseline == null ? null : baseline.getVersion();
    }
}
