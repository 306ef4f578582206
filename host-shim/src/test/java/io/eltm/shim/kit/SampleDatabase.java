package io.eltm.shim.kit;

import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * The audit database of a first install: the cluster in {@code server/pgsql/data} (initdb), then,
 * once Postgres runs, database {@code sqlmaestro} from the release's {@code initdb.sql}, its
 * {@code V} migrations through Flyway ({@code schema_version}), and recognisable operator rows.
 */
final class SampleDatabase {

    static final String DATABASE = "sqlmaestro";
    /** Flyway's baseline row for the schema {@code initdb.sql} created (before V1). */
    static final String BASELINE_VERSION = "0";

    private final Path installDir;
    private final String user;
    private final int port;

    SampleDatabase(Path installDir, String user, int port) {
        this.installDir = installDir;
        this.user = user;
        this.port = port;
    }

    String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** Creates the cluster: TCP on 127.0.0.1 only, no unix socket, trust for local connections. */
    void initCluster(Path pgBin) {
        Path data = installDir.resolve("server/pgsql/data");
        ProcessRunner.runOrThrow(List.of(pgBin.resolve("initdb").toString(), "-D", data.toString(), "-U", user,
                "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"), null, Duration.ofMinutes(2), "initdb of " + data);
        String settings = """

                # sample install (eltm-operator kit)
                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = ''
                max_connections = 30
                shared_buffers = 32MB
                # a throw-away sandbox: only an OS crash could lose unsynced data, and none outlives one
                fsync = off
                """.formatted(port);
        try {
            Files.writeString(data.resolve("postgresql.conf"), settings, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("configuring " + data.resolve("postgresql.conf"), e);
        }
    }

    /** Creates {@code sqlmaestro}, runs {@code initdb.sql}, migrates, seeds. Postgres must run. */
    void createAndSeed() {
        try {
            try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), user, null);
                 Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
            try (Connection db = DriverManager.getConnection(jdbcUrl(), user, null);
                 Statement statement = db.createStatement()) {
                statement.execute(Files.readString(installDir.resolve("server/pgsql.factory/initdb.sql")));
            }
            Flyway.configure()
                    .dataSource(jdbcUrl(), user, null)
                    .table("schema_version")
                    .locations("filesystem:" + installDir.resolve("server/pgsql.factory/migrations"))
                    .baselineOnMigrate(true)
                    .baselineVersion(BASELINE_VERSION)
                    .baselineDescription("initdb.sql")
                    .load()
                    .migrate();
            try (Connection db = DriverManager.getConnection(jdbcUrl(), user, null);
                 Statement statement = db.createStatement()) {
                statement.execute(seedSql());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("setting up database " + DATABASE + " of the sample install failed: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading initdb.sql of the sample install: " + e.getMessage(), e);
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static String seedSql() throws IOException {
        try (InputStream in = SampleDatabase.class.getResourceAsStream("/kit/seed.sql")) {
            if (in == null) {
                throw new IOException("kit/seed.sql is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
