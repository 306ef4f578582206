package io.eltm.shim.jobmeta;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two real PostgreSQL servers, as two hosts would have: the legacy one and the new one. Each test asks
 * for fresh databases: a legacy one with the legacy schema and its data, a modern one as a fresh install.
 */
public final class PostgresServers implements AutoCloseable {

    /** Clients connect with a password (ignored by the servers' trust authentication) to prove it is never shown. */
    public static final String DB_PASSWORD = "Pg-Secret-7f3a9c";

    /**
     * The legacy server's configured {@code TimeZone}: a datacenter's, unlike the new host's (UTC) and unlike
     * any JVM the tests run, so that a timestamp read in the wrong zone shows.
     */
    public static final String LEGACY_TIME_ZONE = "America/New_York";

    private final EmbeddedPostgres legacy;
    private final EmbeddedPostgres modern;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServers(EmbeddedPostgres legacy, EmbeddedPostgres modern) {
        this.legacy = legacy;
        this.modern = modern;
    }

    public static PostgresServers start() throws IOException {
        EmbeddedPostgres legacy = server(LEGACY_TIME_ZONE);
        try {
            configureTimeZone(legacy, LEGACY_TIME_ZONE);
            return new PostgresServers(legacy, server("UTC"));
        } catch (SQLException e) {
            legacy.close();
            throw new IOException("could not configure the legacy server's time zone", e);
        } catch (IOException | RuntimeException e) {
            legacy.close();
            throw e;
        }
    }

    /**
     * As a DBA would: in the server's configuration files (postgresql.auto.conf), then reloaded; that is
     * where the export reads it. (zonky also passes {@code timezone} on the postgres command line, UTC
     * unless told otherwise, which outranks the files: {@link #server} passes the same zone.)
     */
    private static void configureTimeZone(EmbeddedPostgres server, String zone) throws SQLException {
        try (Connection admin = server.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("ALTER SYSTEM SET timezone = '" + zone + "'");
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    /**
     * The failsafe classpath holds the server binaries twice (in the shaded eltm-shim.jar, which bundles
     * them for the sample install, and as their own jar), which zonky's default resolver refuses: both
     * are the same managed 15.14.0 archive, so take the first.
     */
    private static EmbeddedPostgres server(String timeZone) throws IOException {
        return EmbeddedPostgres.builder()
                .setServerConfig("timezone", timeZone)
                .setPgBinaryResolver((system, architecture) -> PostgresServers.class.getResourceAsStream(
                        "/postgres-" + system.toLowerCase(java.util.Locale.ROOT) + "-"
                                + architecture.toLowerCase(java.util.Locale.ROOT) + ".txz"))
                .start();
    }

    /** One more server like the target (UTC), for tests of the audit DB's own statements. */
    public static EmbeddedPostgres server() throws IOException {
        return server("UTC");
    }

    /** A new database on the legacy server: legacy schema, operator content, runtime rows, MD5 hashes. */
    public Database freshLegacy() throws SQLException, IOException {
        return create(legacy, "legacy", "legacy-schema.sql", "legacy-data.sql");
    }

    /** A new database on the new server, as the new release's initdb.sql seeds it. */
    public Database freshModern() throws SQLException, IOException {
        return create(modern, "modern", "modern-schema.sql");
    }

    public int legacyPort() {
        return legacy.getPort();
    }

    public int modernPort() {
        return modern.getPort();
    }

    private Database create(EmbeddedPostgres server, String prefix, String... scripts)
            throws SQLException, IOException {
        String name = prefix + "_" + databases.incrementAndGet();
        try (Connection admin = server.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        Database database = new Database(server.getJdbcUrl("postgres", name), "postgres", Optional.of(DB_PASSWORD));
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            for (String script : scripts) {
                statement.execute(resource(script));
            }
        }
        return database;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PostgresServers.class.getResourceAsStream("/jobmeta/" + name)) {
            if (in == null) {
                throw new IOException("test resource jobmeta/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            legacy.close();
        } finally {
            modern.close();
        }
    }
}
