package io.eltm.shim.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A copy of the audit DB taken just before migrating, inside the same cluster
 * ({@code CREATE DATABASE ... TEMPLATE}): a file-level copy, far faster than a dump, and restored
 * by two renames. Used when migrations that committed must be taken back without undo scripts.
 */
public final class DatabaseSnapshot {

    private final AuditDatabase db;

    public DatabaseSnapshot(AuditDatabase db) {
        this.db = db;
    }

    /** Copies the audit DB into {@code snapshot}; replaces a leftover of an earlier attempt. */
    public void take(String snapshot) throws SQLException {
        try (Connection c = db.openMaintenance(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + quote(snapshot));
            disconnectOthers(st, db.name());
            String strategy = serverVersion(st) >= 150000 ? " STRATEGY FILE_COPY" : "";
            st.execute("CREATE DATABASE " + quote(snapshot) + " TEMPLATE " + quote(db.name()) + strategy);
        }
    }

    /** Puts the snapshot back in place of the audit DB; the snapshot is consumed. No-op if it is gone. */
    public boolean restore(String snapshot) throws SQLException {
        try (Connection c = db.openMaintenance(); Statement st = c.createStatement()) {
            if (!exists(st, snapshot)) {
                return false;
            }
            disconnectOthers(st, db.name());
            st.execute("DROP DATABASE IF EXISTS " + quote(db.name()));
            st.execute("ALTER DATABASE " + quote(snapshot) + " RENAME TO " + quote(db.name()));
            return true;
        }
    }

    public void drop(String snapshot) throws SQLException {
        try (Connection c = db.openMaintenance(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + quote(snapshot));
        }
    }

    /** Bytes on disk of the audit DB: the space a snapshot needs. */
    public long auditDatabaseBytes() throws SQLException {
        try (Connection c = db.openMaintenance(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_database_size('" + db.name().replace("'", "''") + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean exists(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '"
                + name.replace("'", "''") + "'")) {
            return rs.next();
        }
    }

    // Services are stopped during an upgrade; a leftover session would make the copy or the drop fail.
    private static void disconnectOthers(Statement st, String database) throws SQLException {
        st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                + database.replace("'", "''") + "' AND pid <> pg_backend_pid()");
    }

    private static int serverVersion(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1).strip());
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
