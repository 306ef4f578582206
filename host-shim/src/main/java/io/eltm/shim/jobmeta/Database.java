package io.eltm.shim.jobmeta;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * A PostgreSQL database to export from or import into.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/db}
 * @param user     the role to connect as
 * @param password its password, or empty; never shown by {@link #toString()} nor {@link #describe()}
 */
public record Database(String jdbcUrl, String user, Optional<String> password) {

    /** The audit DB of an install, as its sourced environment names it. */
    public static Database of(io.eltm.shim.env.InstallEnvironment env) {
        return new Database(env.jdbcUrl(), env.pgUser(), env.pgPassword());
    }

    public Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "eltm-shim jobmeta");
        // the server's detail quotes rows (base64 passwords among them): keep it out of messages and logs
        properties.setProperty("logServerErrorDetail", "false");
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** Where, for reports and the export manifest: URL and user, no password. */
    public String describe() {
        int query = jdbcUrl.indexOf('?');
        return user + " at " + (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query));
    }

    @Override
    public String toString() {
        return "Database[" + describe() + "]";
    }
}
