package io.eltm.shim.jobmeta;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guide's "Major upgrade from a legacy install", run as one verified operation with the built
 * eltm-shim: export on the legacy host, plan, import and verify on the new one.
 */
@ExtendWith(WithPostgresServers.class)
class JobmetaCutoverIT {

    private static final List<String> COPIED = JobmetaTables.DEFAULT_TABLES;
    private static final List<String> NEVER_COPIED = List.of("t_workflow_state_history", "t_step_run_detail",
            "t_step_status", "t_service_audit", "t_jdbc_database", "t_jdbc_schema", "t_jdbc_table", "t_jdbc_column");

    @TempDir
    Path dir;

    private Database legacy;
    private Database modern;
    private SandboxInstall legacyHost;
    private SandboxInstall newHost;
    private ShimProcess shim;
    private Path export;
    private final List<ShimProcess.Result> runs = new ArrayList<>();

    @BeforeEach
    void twoHosts(PostgresServers servers) throws Exception {
        legacy = servers.freshLegacy();
        modern = servers.freshModern();
        legacyHost = SandboxInstall.create(dir.resolve("legacy-host"), legacy);
        newHost = SandboxInstall.create(dir.resolve("new-host"), modern);
        shim = new ShimProcess(dir);
        export = dir.resolve("job-meta.export");
    }

    @Test
    void exportPlanImportVerifyCarriesJobMetadataAndNothingElse() throws Exception {
        ShimProcess.Result exported = run("jobmeta", "export", "--env-file", legacyHost.envFile().toString(),
                "--out", export.toString());
        assertThat(exported.exitCode()).as(exported.output()).isZero();
        assertThat(Files.getPosixFilePermissions(export)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        ShimProcess.Result untranslated = run("jobmeta", "plan", export.toString(),
                "--env-file", newHost.envFile().toString());
        assertThat(untranslated.exitCode()).isEqualTo(3);
        assertThat(untranslated.stdout()).contains("REFUSED: t_job_meta.owner is NOT NULL without a default");

        ShimProcess.Result plan = run(withDrift("jobmeta", "plan", export.toString(),
                "--env-file", newHost.envFile().toString()));
        assertThat(plan.exitCode()).as(plan.output()).isZero();
        assertThat(plan.stdout()).contains(
                "dropped (absent on target): jndi_name",
                "dropped (absent on target): glassfish_pool",
                "owner <- owner_name (renamed)",
                "enabled <- is_active (renamed, character(1) cast to boolean)",
                "timeout_sec (character varying(10) cast to integer)",
                "created_at (timestamp without time zone cast to timestamp with time zone)",
                "updated_at <- (to_timestamp(updated_epoch / 1000.0)) (expression)");

        ShimProcess.Result imported = run(withDrift("jobmeta", "import", export.toString(),
                "--env-file", newHost.envFile().toString(), "--json"));
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertThat(newHost.serviceCalls()).containsExactly("mstop-all", "mstart-pgsql", "mstart-all");
        JsonNode result = ExportFormat.mapper().readTree(lastLine(imported.stdout()));
        assertThat(result.path("result").asText()).isEqualTo("Succeeded");

        ShimProcess.Result verified = run(withDrift("jobmeta", "verify", export.toString(),
                "--env-file", newHost.envFile().toString()));
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.stdout()).contains("ok        watermarks: 360 non-empty watermarks present",
                "verified: the target matches");

        DatabaseProbe before = new DatabaseProbe(legacy);
        DatabaseProbe after = new DatabaseProbe(modern);
        for (String table : COPIED) {
            assertThat(after.count(table)).as(table).isEqualTo(before.count(table));
        }
        String watermarks = "SELECT job_name, step_name, watermark_value FROM t_step_watermark ORDER BY 1, 2";
        assertThat(after.rows(watermarks)).isEqualTo(before.rows(watermarks));
        String definitions = "SELECT job_name, job_definition, connection_name FROM t_job_meta ORDER BY 1";
        assertThat(after.rows(definitions)).isEqualTo(before.rows(definitions));
        assertThat(after.scalar("SELECT count(*) FROM t_job_meta WHERE NOT enabled")).isEqualTo("22");
        assertThat(after.scalar("SELECT updated_at = to_timestamp(1717200005) FROM t_step_watermark "
                + "WHERE job_name = 'job_3' AND step_name = 'step_1'")).isEqualTo("t");
        for (String table : NEVER_COPIED) {
            assertThat(after.count(table)).as(table).isZero();
        }
        assertThat(after.rows("SELECT login FROM t_user")).containsExactly(List.of("admin"));
        assertThat(after.scalar("SELECT count(*) FROM pg_proc WHERE proname = 'legacy_job_count'")).isEqualTo("0");

        // the save the guide warns about: a new history row through the sequence does not collide
        after.execute("INSERT INTO t_job_meta_history (job_name, job_definition, saved_by) "
                + "VALUES ('job_1', '{}', 'owner1')");
        assertThat(after.scalar("SELECT max(version_key) FROM t_job_meta_history")).isEqualTo("2001");

        assertNoSecretInAnyOutput();
    }

    @Test
    void verifyNamesEveryMismatchAndExitsFive() throws Exception {
        assertThat(run("jobmeta", "export", "--env-file", legacyHost.envFile().toString(), "--out",
                export.toString()).exitCode()).isZero();
        assertThat(run(withDrift("jobmeta", "import", export.toString(), "--env-file",
                newHost.envFile().toString())).exitCode()).isZero();
        DatabaseProbe after = new DatabaseProbe(modern);
        after.execute("DELETE FROM t_step_watermark WHERE job_name = 'job_2' AND step_name = 'step_1'");
        after.execute("UPDATE t_step_watermark SET watermark_value = '' WHERE job_name = 'job_4' AND step_name = 'step_0'");
        after.execute("SELECT setval('seq_job_version_id', 10)");

        ShimProcess.Result verified = run(withDrift("jobmeta", "verify", export.toString(),
                "--env-file", newHost.envFile().toString()));

        assertThat(verified.exitCode()).isEqualTo(5);
        assertThat(verified.stdout()).contains(
                "MISMATCH  count t_step_watermark: 400 exported, 399 on the target",
                "MISMATCH  watermarks: 2 of 360 non-empty watermarks differ: job_2/step_1 missing; job_4/step_0 is ''",
                "MISMATCH  sequence seq_job_version_id: last handed out 10, max(version_key) 2000",
                "3 mismatches");
    }

    @Test
    void servicesThatDoNotStopLeaveTheTargetUntouchedAndExitFour() throws Exception {
        assertThat(run("jobmeta", "export", "--env-file", legacyHost.envFile().toString(), "--out",
                export.toString()).exitCode()).isZero();
        newHost.breakScript("mstop-all");

        ShimProcess.Result imported = run(withDrift("jobmeta", "import", export.toString(), "--env-file",
                newHost.envFile().toString()));

        assertThat(imported.exitCode()).isEqualTo(4);
        assertThat(imported.stderr()).contains("quiescing the target's services failed", "mstop-all exited with 1",
                "the target is as before and its services run again");
        assertThat(newHost.serviceCalls()).containsExactly("mstop-all", "mstart-all");
        assertThat(new DatabaseProbe(modern).count("t_job_meta")).isZero();
    }

    @Test
    void servicesThatDoNotStartAfterACommittedImportExitFiveSayingWhatToDo() throws Exception {
        assertThat(run("jobmeta", "export", "--env-file", legacyHost.envFile().toString(), "--out",
                export.toString()).exitCode()).isZero();
        newHost.breakScript("mstart-all");

        ShimProcess.Result imported = run(withDrift("jobmeta", "import", export.toString(), "--env-file",
                newHost.envFile().toString(), "--json"));

        assertThat(imported.exitCode()).isEqualTo(5);
        assertThat(imported.stderr()).contains("is imported and committed, but the services did not start",
                "start them with mstart-all, then run jobmeta verify");
        assertThat(ExportFormat.mapper().readTree(lastLine(imported.stdout())).path("result").asText())
                .isEqualTo("Failed");
        assertThat(new DatabaseProbe(modern).count("t_job_meta")).isEqualTo(200);
        assertThat(newHost.servicesLog()).contains("mstart-all: cannot start the meta-service");
    }

    @Test
    void directExportReadsTheLegacyDatabaseWithoutAnEnvFile() throws Exception {
        Path passwordFile = dir.resolve("legacy-password");
        Files.writeString(passwordFile, PostgresServers.DB_PASSWORD + "\n");
        ShimProcess.Result exported = run("jobmeta", "export", "--from", legacy.jdbcUrl().replaceAll("\\?.*", ""),
                "--from-user", legacy.user(), "--from-password-file", passwordFile.toString(),
                "--out", export.toString(), "--skip", "t_job_alert_setting", "--json");

        assertThat(exported.exitCode()).as(exported.output()).isZero();
        JsonNode manifest = ExportFormat.mapper().readTree(lastLine(exported.stdout())).path("manifest");
        assertThat(manifest.path("tables").findValuesAsText("table")).containsExactly("t_jdbc",
                "t_connection_general", "t_job_meta", "t_job_meta_history", "t_job_permissions", "t_workflow_item",
                "t_step_watermark");
        assertThat(manifest.path("sequence").path("maxVersionKey").asLong()).isEqualTo(2000);
        assertNoSecretInAnyOutput();
    }

    @Test
    void usageErrorsExitTwoAndRefusalsExitThreeWithAJsonResult() throws Exception {
        ShimProcess.Result usage = run("jobmeta", "import", "x.export", "--merge", "overwrite");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.stderr()).contains("expected replace or keep-existing");

        ShimProcess.Result missing = run("jobmeta", "verify", dir.resolve("absent.export").toString(),
                "--env-file", newHost.envFile().toString(), "--json");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(ExportFormat.mapper().readTree(lastLine(missing.stdout())).path("result").asText())
                .isEqualTo("Refused");
    }

    private ShimProcess.Result run(String... args) throws Exception {
        return run(List.of(args));
    }

    private ShimProcess.Result run(List<String> args) throws Exception {
        ShimProcess.Result result = shim.run(args);
        runs.add(result);
        return result;
    }

    private static List<String> withDrift(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(LegacyDrift.options());
        return all;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    /** The DB password and every connection secret, as stored and decoded: in no output, no log. */
    private void assertNoSecretInAnyOutput() throws Exception {
        String everything = String.join("\n", runs.stream().map(ShimProcess.Result::output).toList())
                + newHost.servicesLog() + legacyHost.servicesLog();
        assertThat(LegacySecrets.of(legacy)).hasSizeGreaterThan(50)
                .allSatisfy(secret -> assertThat(everything).doesNotContain(secret));
    }
}
