package io.eltm.shim.db;

import io.eltm.shim.env.InstallEnvironment;
import io.eltm.shim.jobmeta.PostgresServers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link DatabaseSnapshot} against a real PostgreSQL server: what a restore gives back (rows, owner,
 * grants, settings), and that a restore stopped dead at any statement boundary is finished by the
 * next one. The kill of a real process at each boundary is {@code SnapshotRestoreCrashIT}.
 */
class DatabaseSnapshotIT {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private String name;
    private String snapshot;
    private AuditDatabase db;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServers.server();
        admin("CREATE ROLE eltm_owner NOLOGIN", "CREATE ROLE eltm_reader LOGIN");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void createAuditDatabase() throws SQLException {
        name = "audit_" + DATABASES.incrementAndGet();
        snapshot = name + "_eltm_snapshot_op1";
        admin("CREATE DATABASE " + name);
        db = new AuditDatabase(new InstallEnvironment(Path.of("/nonexistent"), Optional.empty(), "127.0.0.1",
                server.getPort(), "postgres", name, Optional.empty(), URI.create("https://127.0.0.1:1/"), Map.of()));
        execute("CREATE TABLE t_job_meta (id int PRIMARY KEY, name text)",
                "INSERT INTO t_job_meta VALUES (1, 'nightly'), (2, 'hourly')",
                "CREATE TABLE schema_version (version text)", "INSERT INTO schema_version VALUES ('1'), ('2')");
        admin("ALTER DATABASE " + name + " OWNER TO eltm_owner",
                "REVOKE CONNECT, TEMPORARY ON DATABASE " + name + " FROM PUBLIC",
                "GRANT CONNECT ON DATABASE " + name + " TO eltm_reader WITH GRANT OPTION",
                "ALTER DATABASE " + name + " SET work_mem = '7MB'",
                "ALTER DATABASE " + name + " SET search_path = \"$user\", public, \"Audit Schema\"",
                "ALTER ROLE eltm_reader IN DATABASE " + name + " SET statement_timeout = '42s'",
                "ALTER DATABASE " + name + " CONNECTION LIMIT 17",
                "COMMENT ON DATABASE " + name + " IS 'ELTM audit: don''t drop'");
    }

    @Test
    void restoreGivesBackRowsOwnerGrantsAndSettingsAsTheyWereAtTheSnapshot() throws SQLException {
        List<String> settings = databaseLevel(name);
        DatabaseSnapshot snapshots = new DatabaseSnapshot(db);
        snapshots.take(snapshot);
        migrate();

        assertThat(snapshots.restore(snapshot)).isTrue();

        assertThat(query("SELECT id || ':' || name FROM t_job_meta ORDER BY id")).containsExactly("1:nightly", "2:hourly");
        assertThat(query("SELECT version FROM schema_version ORDER BY 1")).containsExactly("1", "2");
        assertThat(databaseLevel(name)).isEqualTo(settings);
        assertThat(databases()).containsExactly(name);
    }

    @ParameterizedTest(name = "stopped dead after {0}")
    @MethodSource("io.eltm.shim.db.DatabaseSnapshotIT#restorePoints")
    void aRestoreStoppedAtAnyStatementBoundaryIsFinishedByTheNextOne(String point) throws SQLException {
        List<String> settings = databaseLevel(name);
        new DatabaseSnapshot(db).take(snapshot);
        migrate();
        DatabaseSnapshot dying = new DatabaseSnapshot(db, reached -> {
            if (reached.equals(point)) {
                throw new Halted();
            }
        });
        assertThatThrownBy(() -> dying.restore(snapshot)).isInstanceOf(Halted.class);

        new DatabaseSnapshot(db).restore(snapshot);

        assertThat(query("SELECT version FROM schema_version ORDER BY 1")).containsExactly("1", "2");
        assertThat(query("SELECT count(*)::text FROM t_job_meta")).containsExactly("2");
        assertThat(databaseLevel(name)).isEqualTo(settings);
        assertThat(databases()).containsExactly(name);
        assertThat(new DatabaseSnapshot(db).restore(snapshot)).as("a third restore has nothing left to do").isFalse();
    }

    @Test
    void restoreEndsTheSessionsStillConnectedToTheMigratedDatabase() throws SQLException {
        DatabaseSnapshot snapshots = new DatabaseSnapshot(db);
        snapshots.take(snapshot);
        migrate();
        try (Connection leftover = db.open()) {
            assertThat(snapshots.restore(snapshot)).isTrue();
            assertThat(leftover.isValid(5)).isFalse();
        }
        assertThat(query("SELECT version FROM schema_version ORDER BY 1")).containsExactly("1", "2");
    }

    @Test
    void takeReplacesTheLeftoverOfAnEarlierAttempt() throws SQLException {
        DatabaseSnapshot snapshots = new DatabaseSnapshot(db);
        snapshots.take(snapshot);
        execute("INSERT INTO t_job_meta VALUES (3, 'weekly')");
        snapshots.take(snapshot);
        migrate();

        snapshots.restore(snapshot);

        assertThat(query("SELECT count(*)::text FROM t_job_meta")).containsExactly("3");
    }

    @Test
    void aRestoreWithBothTheAuditDatabaseAndItsSnapshotGoneIsRefusedNamingThem() throws SQLException {
        new DatabaseSnapshot(db).take(snapshot);
        admin("DROP DATABASE " + snapshot, "DROP DATABASE " + name);

        assertThatThrownBy(() -> new DatabaseSnapshot(db).restore(snapshot))
                .hasMessageContaining(name).hasMessageContaining(snapshot).hasMessageContaining("backup");
    }

    static List<String> restorePoints() {
        return DatabaseSnapshot.RESTORE_CRASH_POINTS;
    }

    /** What a migration changes, at table and database level. */
    private void migrate() throws SQLException {
        execute("ALTER TABLE t_job_meta ADD COLUMN owner_id int", "DELETE FROM t_job_meta WHERE id = 2",
                "INSERT INTO schema_version VALUES ('3')");
        admin("ALTER DATABASE " + name + " SET work_mem = '64MB'", "ALTER DATABASE " + name + " RESET search_path");
    }

    private static List<String> databaseLevel(String database) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            return DatabaseLevel.of(c, database);
        }
    }

    private List<String> databases() throws SQLException {
        return adminQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + name + "%' ORDER BY 1");
    }

    private void execute(String... sql) throws SQLException {
        try (Connection c = db.open(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection c = db.open()) {
            return rows(c, sql);
        }
    }

    private static void admin(String... sql) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static List<String> adminQuery(String sql) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection()) {
            return rows(c, sql);
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Stands for the process dying at a crash point. */
    private static final class Halted extends RuntimeException {
    }
}
