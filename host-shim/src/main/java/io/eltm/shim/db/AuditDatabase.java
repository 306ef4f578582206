package io.eltm.shim.db;

import io.eltm.shim.RefusedException;
import io.eltm.shim.env.InstallEnvironment;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * Connections to the install's audit DB (and, for snapshots, to the cluster's maintenance DB).
 * Every session, Flyway's included, carries one application name: {@code eltm-shim} for reads, and
 * for an operation {@code eltm-shim <operation id>}, by which recovery finds and ends the sessions a
 * killed run left behind.
 */
public final class AuditDatabase {

    static final String MAINTENANCE_DB = "postgres";
    static final String APPLICATION = "eltm-shim";
    /** PostgreSQL keeps the first NAMEDATALEN - 1 bytes of an application name. */
    private static final int NAME_BYTES = 63;
    private static final Duration SESSION_END_TIMEOUT = Duration.ofSeconds(30);

    private final InstallEnvironment env;
    private final String applicationName;

    public AuditDatabase(InstallEnvironment env) {
        this(env, APPLICATION);
    }

    private AuditDatabase(InstallEnvironment env, String applicationName) {
        this.env = env;
        this.applicationName = applicationName;
    }

    /** The audit DB as one operation uses it: its sessions are named after the operation. */
    public static AuditDatabase forOperation(InstallEnvironment env, String operationId) {
        String name = APPLICATION + " " + operationId.replaceAll("[^A-Za-z0-9._-]", "");
        return new AuditDatabase(env, name.length() > NAME_BYTES ? name.substring(0, NAME_BYTES) : name);
    }

    public String name() {
        return env.pgDatabase();
    }

    public String url() {
        return env.jdbcUrl();
    }

    public String user() {
        return env.pgUser();
    }

    public String applicationName() {
        return applicationName;
    }

    /** What {@code schema_version} holds; refuses (exit 3) when the DB cannot be reached, since nothing was changed yet. */
    public SchemaHistory history() {
        try (Connection c = open()) {
            return SchemaHistory.read(c);
        } catch (SQLException e) {
            throw new RefusedException("cannot read " + SchemaHistory.TABLE + " of the audit DB " + url() + " ("
                    + e.getMessage() + "): Postgres must run; start it with mstart-pgsql and retry", e);
        }
    }

    public Connection open() throws SQLException {
        return dataSource(env.pgDatabase()).getConnection();
    }

    public Connection openMaintenance() throws SQLException {
        return dataSource(MAINTENANCE_DB).getConnection();
    }

    /** The audit DB for Flyway: the same user, password and application name as every other session. */
    public DataSource dataSource() {
        return dataSource(env.pgDatabase());
    }

    /**
     * Ends every session of this operation but the caller's own, in any database of the cluster, and
     * waits until they are gone: a session of a killed run may still be executing a migration (and
     * commit it) or hold locks. Call before reading {@code schema_version} to decide what committed.
     */
    public void endSessionsOfThisOperation() throws SQLException {
        try (Connection c = openMaintenance()) {
            endSessions(c, "application_name = ?", applicationName);
        }
    }

    /** Ends every other session connected to {@code database} and waits until they are gone. */
    static void endSessionsOn(Connection c, String database) throws SQLException {
        endSessions(c, "datname = ?", database);
    }

    private static void endSessions(Connection c, String condition, String value) throws SQLException {
        String sql = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE " + condition
                + " AND pid <> pg_backend_pid()";
        long deadline = System.nanoTime() + SESSION_END_TIMEOUT.toNanos();
        try (PreparedStatement terminate = c.prepareStatement(sql); Statement pause = c.createStatement()) {
            terminate.setString(1, value);
            while (true) {
                try (ResultSet rs = terminate.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new SQLException("sessions with " + condition.replace("?", "'" + value + "'")
                            + " are still alive " + SESSION_END_TIMEOUT.toSeconds() + " s after pg_terminate_backend");
                }
                pause.execute("SELECT pg_sleep(0.05)");
            }
        }
    }

    private DataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(env.jdbcUrl(database));
        ds.setUser(env.pgUser());
        env.pgPassword().ifPresent(ds::setPassword);
        ds.setApplicationName(applicationName);
        ds.setConnectTimeout(10);
        return ds;
    }
}
