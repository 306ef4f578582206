package io.eltm.shim.kit;

import io.eltm.shim.service.HealthResponse;
import io.eltm.shim.service.ScriptResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One sample install of release A, shared by the class: services, health, schema, seeded data. */
class SampleInstallIT {

    @TempDir
    static Path sandbox;
    static SampleInstall install;

    @BeforeAll
    static void installReleaseA() {
        install = SampleInstall.create(sandbox.resolve("a"), ReleaseKit.inUserCache().build(SampleReleases.a()));
    }

    @AfterAll
    static void removeInstall() {
        if (install != null) {
            install.close();
        }
    }

    @Test
    void showMprocessReportsPostgresAndMetaServiceRunning() {
        ScriptResult result = install.showMprocess();

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("postgresql    running", "meta-service  running");
        assertThat(install.servicePids().allRunning()).isTrue();
    }

    @Test
    void healthUrlAnswers200NamingTheRunningRelease() throws IOException {
        HealthResponse response = install.healthResponse();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("VERSION=8.4.1", "GIT_SHA=" + SampleReleases.a().gitSha());
        assertThat(install.healthUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(Files.readString(install.installDir().resolve("VERSION"))).isEqualTo(SampleReleases.a().versionFile());
    }

    @Test
    void schemaVersionHoldsTheBaselineAndTheReleasesMigrations() throws SQLException {
        assertThat(strings("SELECT version FROM schema_version WHERE success ORDER BY installed_rank"))
                .containsExactly("0", "1", "2");
        assertThat(strings("SELECT code FROM t_job_type ORDER BY code")).contains("ETL", "SQL");
    }

    @Test
    void operatorRowsAreSeeded() throws SQLException {
        assertThat(strings("SELECT job_name FROM t_job_meta ORDER BY job_name"))
                .containsExactly("customer_cdc", "daily_sales", "nightly_dwh");
        assertThat(strings("SELECT watermark_value FROM t_step_watermark WHERE job_name = 'customer_cdc'"))
                .containsExactly("lsn:0/1A2B3C4D");
        assertThat(strings("SELECT count(*) FROM t_job_meta_history")).containsExactly("4");
        assertThat(strings("SELECT lock_job('daily_sales', 'jdoe')")).containsExactly("t");
    }

    @Test
    void preservedFilesAndFirstInstallSkeletonAreInPlace() throws IOException {
        for (Map.Entry<String, String> file : PreservedFiles.CONTENT.entrySet()) {
            assertThat(install.installDir().resolve(file.getKey())).hasContent(file.getValue());
        }
        assertThat(install.installDir().resolve("data/workflow/README")).exists();
        assertThat(install.installDir().resolve("server/keystore.jks")).isNotEmptyFile();
        assertThat(Files.getPosixFilePermissions(install.envFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.isExecutable(install.installDir().resolve("server/webserver/admin/mstart-all"))).isTrue();
    }

    @Test
    void envFileSourcedByBashNamesTheInstallTheDatabaseAndTheHealthUrl() throws Exception {
        Process bash = new ProcessBuilder("bash", "-c", ". \"$1\" && echo \"$ISERVER_HOME|$PGPORT|$PGDATABASE|"
                + "$ELTM_HEALTH_URL|$PGBIN\"", "env", install.envFile().toString()).start();
        String line = new String(bash.getInputStream().readAllBytes()).strip();

        assertThat(line.split("\\|")).containsExactly(install.installDir().toString(),
                install.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"), "sqlmaestro", install.healthUrl().toString(),
                PostgresBinaries.inUserCache().binDir().toString());
    }

    @Test
    void scriptsRunWithoutASourcedEnvironmentReadTheUsersEnvFile() throws Exception {
        ProcessBuilder bare = new ProcessBuilder(install.installDir().resolve("server/webserver/admin/show-mprocess")
                .toString()).redirectErrorStream(true);
        bare.environment().clear();
        bare.environment().put("HOME", install.homeDir().toString());
        bare.environment().put("PATH", "/usr/bin:/bin");
        Process showMprocess = bare.start();
        String output = new String(showMprocess.getInputStream().readAllBytes());

        assertThat(showMprocess.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(showMprocess.exitValue()).as(output).isZero();
        assertThat(output).contains("meta-service  running");
    }

    @Test
    void mstartAllSucceedsWhenEverythingAlreadyRuns() {
        ServicePids before = install.servicePids();

        ScriptResult result = install.runScript("mstart-all");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("postgresql already running", "meta-service already running");
        assertThat(install.servicePids()).isEqualTo(before);
    }

    @Test
    void undoScriptsOfLaterReleasesRestoreReleaseASchema() throws SQLException {
        List<SampleMigration> later = SampleReleases.large().migrations().stream()
                .filter(migration -> migration.version() > 2).toList();
        try (Connection db = DriverManager.getConnection(install.jdbcUrl(), install.dbUser(), null);
             Statement statement = db.createStatement()) {
            db.setAutoCommit(false);
            String schemaOfA = schema(statement);
            for (SampleMigration migration : later) {
                statement.execute(migration.sql());
            }
            assertThat(schema(statement)).contains("t_job_meta.owner_email", "t_job_tag.tag");
            List<SampleMigration> newestFirst = new ArrayList<>(later);
            Collections.reverse(newestFirst);
            for (SampleMigration migration : newestFirst) {
                statement.execute(migration.undoSql().orElseThrow());
            }
            assertThat(schema(statement)).isEqualTo(schemaOfA);
            db.rollback();
        }
    }

    @Test
    void failingMigrationsFirstStatementSucceedsAndItsSecondFails() throws SQLException {
        SampleMigration v5 = SampleReleases.failingMigration().migrations().get(4);
        String[] statements = v5.sql().replaceAll("(?m)^--.*$", "").split(";");
        try (Connection db = DriverManager.getConnection(install.jdbcUrl(), install.dbUser(), null);
             Statement statement = db.createStatement()) {
            db.setAutoCommit(false);
            statement.execute(statements[0]);
            assertThat(schema(statement)).contains(SampleReleases.FAILING_MIGRATION_TABLE + ".watermark_value");

            assertThatThrownBy(() -> statement.execute(statements[1]))
                    .hasMessageContaining("t_step_watermark_legacy");
            db.rollback();
        }
    }

    /** Every table.column of the public schema, in order: equal strings mean equal schemas. */
    private static String schema(Statement statement) throws SQLException {
        StringBuilder columns = new StringBuilder();
        try (ResultSet rows = statement.executeQuery("SELECT table_name || '.' || column_name || ' ' || data_type "
                + "FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name")) {
            while (rows.next()) {
                columns.append(rows.getString(1)).append('\n');
            }
        }
        try (ResultSet rows = statement.executeQuery(
                "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname")) {
            while (rows.next()) {
                columns.append("index ").append(rows.getString(1)).append('\n');
            }
        }
        return columns.toString();
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(install.jdbcUrl(), install.dbUser(), null);
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
