package io.eltm.shim.it;

import io.eltm.shim.kit.SampleInstall;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a sample install's audit DB the way a DBA would check it after an upgrade. */
final class AuditDb {

    private final SampleInstall install;

    AuditDb(SampleInstall install) {
        this.install = install;
    }

    /** Applied versions in {@code schema_version}, in the order they were installed. */
    List<String> appliedVersions() {
        return strings("SELECT version FROM schema_version WHERE success AND version IS NOT NULL AND type <> 'BASELINE' ORDER BY installed_rank");
    }

    List<String> tables() {
        return strings("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
    }

    List<String> columns(String table) {
        return strings("SELECT column_name FROM information_schema.columns WHERE table_name = '" + table + "' ORDER BY 1");
    }

    /** The tables the user keeps, with their columns as they are now. */
    Map<String, List<String>> userColumns() {
        Map<String, List<String>> columns = new TreeMap<>();
        for (String t : List.of("t_jdbc", "t_job_meta", "t_job_meta_history", "t_step_watermark")) {
            columns.put(t, columns(t));
        }
        return columns;
    }

    /**
     * Every row of the user's tables as text, over the given columns (those that existed before an
     * upgrade: a migration may add columns, never lose a value).
     */
    Map<String, List<String>> userRows(Map<String, List<String>> columns) {
        Map<String, List<String>> rows = new TreeMap<>();
        columns.forEach((t, cols) -> rows.put(t, strings("SELECT ROW(" + String.join(", ", cols) + ")::text FROM " + t
                + " ORDER BY 1")));
        return rows;
    }

    List<String> strings(String sql) {
        try (Connection c = DriverManager.getConnection(install.jdbcUrl(), install.dbUser(), null);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql, e);
        }
    }

    /** The audit DB's owner, grants and {@code ALTER DATABASE ... SET} settings, as text. */
    List<String> databaseLevel() {
        try (Connection c = DriverManager.getConnection(install.jdbcUrl(), install.dbUser(), null)) {
            return io.eltm.shim.db.DatabaseLevel.of(c, "sqlmaestro");
        } catch (SQLException e) {
            throw new AssertionError("reading the settings of sqlmaestro failed", e);
        }
    }

    /** Databases of the cluster that an upgrade made (snapshots, set-aside copies). */
    List<String> operationDatabases() {
        return strings("SELECT datname FROM pg_database WHERE datname LIKE 'sqlmaestro\\_%' ORDER BY 1");
    }

    /**
     * Sessions of the cluster still running a statement that contains {@code text}, other than this one
     * (asked of the maintenance DB: the upgrade ends the sessions on the audit DB before its snapshot).
     * Throws IllegalStateException while Postgres is down.
     */
    long activeSessionsRunning(String text) {
        String sql = "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() "
                + "AND query LIKE '%" + text.replace("'", "''") + "%'";
        try (Connection c = DriverManager.getConnection(install.jdbcUrl().replace("/sqlmaestro", "/postgres"),
                install.dbUser(), null); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed (Postgres down?): " + sql, e);
        }
    }

    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(install.jdbcUrl(), install.dbUser(), null);
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("statement failed: " + sql, e);
        }
    }
}
