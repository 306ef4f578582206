package io.eltm.shim.jobmeta;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, item 1: a row the target refuses, in the tables that hold secrets (base64 passwords in
 * {@code t_jdbc}, secrets in {@code t_connection_general.connection_parameters}), is named by its key, and
 * no output of the real CLI process (stdout, stderr with its log lines, {@code --json}, the services log)
 * holds a password64 value, what it decodes to, a connection parameter or the DB password.
 */
@ExtendWith(WithPostgresServers.class)
class JobmetaSecretsIT {

    @TempDir
    Path dir;

    private Database legacy;
    private Database modern;
    private SandboxInstall newHost;
    private ShimProcess shim;
    private Path export;
    private final List<ShimProcess.Result> runs = new ArrayList<>();

    @BeforeEach
    void exported(PostgresServers servers) throws Exception {
        legacy = servers.freshLegacy();
        modern = servers.freshModern();
        SandboxInstall legacyHost = SandboxInstall.create(dir.resolve("legacy-host"), legacy);
        newHost = SandboxInstall.create(dir.resolve("new-host"), modern);
        shim = new ShimProcess(dir);
        export = dir.resolve("job-meta.export");
        assertThat(run("jobmeta", "export", "--env-file", legacyHost.envFile().toString(), "--out", export.toString(),
                "--json").exitCode()).isZero();
    }

    @Test
    void rowOfTJdbcRefusedWhileLoadingIsNamedByItsKeyAndNoSecretIsShown() throws Exception {
        // a rule of the target no plan sees; its message quotes the whole row, password64 included
        new DatabaseProbe(modern).execute(Triggers.refusing("t_jdbc", "NEW.connection_name = 'conn_3'"));

        ShimProcess.Result imported = run(withDrift("jobmeta", "import", export.toString(), "--env-file",
                newHost.envFile().toString(), "--json"));

        assertThat(imported.exitCode()).as(imported.output()).isEqualTo(4);
        assertThat(imported.stderr()).contains("failed in table t_jdbc, row connection_name=conn_3: the row is refused "
                + "by a trigger of the target", "the target is as before");
        assertThat(json(imported).path("result").asText()).isEqualTo("RolledBack");
        assertThat(json(imported).path("error").path("message").asText()).contains("row connection_name=conn_3");
        assertThat(new DatabaseProbe(modern).count("t_jdbc")).isZero();
        assertNoSecretAnywhere();
    }

    @Test
    void rowOfTConnectionGeneralRefusedWhileLoadingIsNamedByItsKeyAndNoSecretIsShown() throws Exception {
        // t_connection_general fits as it is, so it is copied straight in; the check fails on its row
        new DatabaseProbe(modern).execute("ALTER TABLE t_connection_general ADD CONSTRAINT known_type "
                + "CHECK (connection_parameters NOT LIKE 'host=h4;%')");

        ShimProcess.Result imported = run(withDrift("jobmeta", "import", export.toString(), "--env-file",
                newHost.envFile().toString(), "--json"));

        assertThat(imported.exitCode()).as(imported.output()).isEqualTo(4);
        assertThat(imported.stderr()).contains("failed in table t_connection_general, row connection_name=cloud_4: "
                + "the row breaks a check constraint of the target (constraint known_type)");
        assertThat(json(imported).path("result").asText()).isEqualTo("RolledBack");
        assertNoSecretAnywhere();
    }

    @Test
    void rowsThePlanRefusesAreNamedByKeyInPlanAndImportAndNoSecretIsShown() throws Exception {
        DatabaseProbe target = new DatabaseProbe(modern);
        new DatabaseProbe(legacy).execute("UPDATE t_jdbc SET db_user = NULL WHERE connection_name = 'conn_5'");
        target.execute("ALTER TABLE t_jdbc ALTER COLUMN db_user SET NOT NULL");
        ShimProcess.Result exported = run("jobmeta", "export", "--env-file",
                SandboxInstall.create(dir.resolve("legacy-again"), legacy).envFile().toString(), "--out",
                dir.resolve("again.export").toString());
        assertThat(exported.exitCode()).isZero();

        ShimProcess.Result plan = run(withDrift("jobmeta", "plan", dir.resolve("again.export").toString(),
                "--env-file", newHost.envFile().toString(), "--json"));
        ShimProcess.Result imported = run(withDrift("jobmeta", "import", dir.resolve("again.export").toString(),
                "--env-file", newHost.envFile().toString(), "--json"));

        assertThat(plan.exitCode()).as(plan.output()).isEqualTo(3);
        assertThat(plan.stdout()).contains("REFUSED: t_jdbc.db_user, row connection_name=conn_5: the value is NULL, "
                + "but the target column is NOT NULL");
        assertThat(imported.exitCode()).isEqualTo(3);
        assertThat(imported.stderr()).contains("t_jdbc.db_user, row connection_name=conn_5");
        assertThat(newHost.serviceCalls()).isEmpty();
        assertNoSecretAnywhere();
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

    private static JsonNode json(ShimProcess.Result result) throws Exception {
        String[] lines = result.stdout().strip().split("\n");
        return ExportFormat.mapper().readTree(lines[lines.length - 1]);
    }

    /** Every secret of the legacy rows, encoded and decoded, and the DB password: in no output of any run. */
    private void assertNoSecretAnywhere() throws Exception {
        String everything = String.join("\n", runs.stream().map(ShimProcess.Result::output).toList())
                + newHost.servicesLog();
        assertThat(LegacySecrets.of(legacy)).hasSizeGreaterThan(50)
                .allSatisfy(secret -> assertThat(everything).doesNotContain(secret));
        // and no server text quoting a row, whatever it holds
        assertThat(everything).doesNotContain("Failing row", "refused row (");
    }
}
