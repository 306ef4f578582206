package io.eltm.shim.db;

import io.eltm.shim.RefusedException;
import io.eltm.shim.env.InstallEnvironment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Connections to the install's audit DB (and, for snapshots, to the cluster's maintenance DB). */
public final class AuditDatabase {

    static final String MAINTENANCE_DB = "postgres";

    private final InstallEnvironment env;

    public AuditDatabase(InstallEnvironment env) {
        this.env = env;
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

    /** The password, or null; handed to drivers only, never logged. */
    public String password() {
        return env.pgPassword().orElse(null);
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
        return open(env.pgDatabase());
    }

    public Connection openMaintenance() throws SQLException {
        return open(MAINTENANCE_DB);
    }

    private Connection open(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", env.pgUser());
        env.pgPassword().ifPresent(p -> props.setProperty("password", p));
        props.setProperty("ApplicationName", "eltm-shim");
        props.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(env.jdbcUrl(database), props);
    }
}
