package io.eltm.shim.jobmeta;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, item 3: {@code plan} predicts, from the file and the target's schema and rows, what the import
 * would refuse, naming table, column and the row's key, and exits 3; the import refuses the same before
 * any service stops, and the target is exactly as before.
 */
@ExtendWith(WithPostgresServers.class)
class JobmetaPlanRefusalIT {

    @TempDir
    Path dir;

    private Database legacy;
    private Database modern;
    private SandboxInstall legacyHost;
    private SandboxInstall newHost;
    private ShimProcess shim;
    private Path export;

    @BeforeEach
    void twoHosts(PostgresServers servers) throws Exception {
        legacy = servers.freshLegacy();
        modern = servers.freshModern();
        legacyHost = SandboxInstall.create(dir.resolve("legacy-host"), legacy);
        newHost = SandboxInstall.create(dir.resolve("new-host"), modern);
        shim = new ShimProcess(dir);
        export = dir.resolve("job-meta.export");
        assertThat(shim.run(List.of("jobmeta", "export", "--env-file", legacyHost.envFile().toString(), "--out",
                export.toString())).exitCode()).isZero();
    }

    @Test
    void nullsLengthsRangesAndUnknownColumnsAreNamedByTableColumnAndKeyAndNothingStops() throws Exception {
        DatabaseProbe target = new DatabaseProbe(modern);
        target.execute("ALTER TABLE t_job_meta ALTER COLUMN description SET NOT NULL");      // job_desc NULL every 7th
        target.execute("ALTER TABLE t_job_meta ALTER COLUMN timeout_sec TYPE numeric(4, 0)"); // up to 12000
        target.execute("ALTER TABLE t_jdbc ALTER COLUMN db_user TYPE varchar(2)");            // 'etl'
        Map<String, String> before = target.fingerprint();
        List<String> rules = new ArrayList<>();
        LegacyDrift.MAPS.forEach(m -> rules.addAll(List.of("--map", m)));
        rules.addAll(List.of("--expr", "t_step_watermark.updated_at=to_timestamp(updated_millis / 1000.0)"));

        ShimProcess.Result plan = run("plan", rules, "--json");
        ShimProcess.Result imported = run("import", rules);

        assertThat(plan.exitCode()).as(plan.output()).isEqualTo(3);
        assertThat(plan.stdout()).contains(
                "REFUSED: t_jdbc.db_user, row connection_name=conn_1: the value is longer than the target column's "
                        + "type character varying(2)",
                "REFUSED: t_job_meta.description, row job_name=job_7: the value is NULL, but the target column is NOT NULL",
                "REFUSED: t_job_meta.description, row job_name=job_14: the value is NULL",
                "REFUSED: --expr t_step_watermark.updated_at=to_timestamp(updated_millis / 1000.0): column "
                        + "\"updated_millis\" does not exist (SQLSTATE 42703); the export of t_step_watermark has the "
                        + "columns job_name, step_name, watermark_value, updated_epoch",
                "REFUSED: t_jdbc: more rows are refused than the 5 named above");
        JsonNode json = ExportFormat.mapper().readTree(lastLine(plan.stdout()));
        assertThat(json.path("problems").size()).isGreaterThanOrEqualTo(5);
        assertThat(imported.exitCode()).as(imported.output()).isEqualTo(3);
        assertThat(imported.stderr()).contains("refused, nothing changed", "t_job_meta.description, row job_name=job_7");
        assertThat(newHost.serviceCalls()).isEmpty();
        assertThat(target.fingerprint()).isEqualTo(before);
    }

    @Test
    void numericOverflowIsNamedByTheRowsKey() throws Exception {
        new DatabaseProbe(modern).execute("ALTER TABLE t_job_meta ALTER COLUMN timeout_sec TYPE numeric(4, 0)");

        ShimProcess.Result plan = run("plan", LegacyDrift.options());

        assertThat(plan.exitCode()).as(plan.output()).isEqualTo(3);
        // i * 60 seconds: job_167 is the first above 9999
        assertThat(plan.stdout()).contains("REFUSED: t_job_meta.timeout_sec, row job_name=job_167: the value is out "
                + "of range for the target column's type numeric(4,0)");
        assertThat(plan.stdout()).doesNotContain("job_name=job_166:");
        assertThat(newHost.serviceCalls()).isEmpty();
    }

    @Test
    void permissionsOfUsersThatDoNotTravelAskForIncludeTUser() throws Exception {
        new DatabaseProbe(modern).execute("ALTER TABLE t_job_permissions ADD CONSTRAINT permissions_login_fkey "
                + "FOREIGN KEY (login) REFERENCES t_user (login)");

        ShimProcess.Result plan = run("plan", LegacyDrift.options());
        Path withUsers = dir.resolve("with-users.export");
        assertThat(shim.run(List.of("jobmeta", "export", "--env-file", legacyHost.envFile().toString(), "--out",
                withUsers.toString(), "--include", "t_user")).exitCode()).isZero();
        List<String> replace = new ArrayList<>(LegacyDrift.options());
        replace.addAll(List.of("--merge", "replace"));
        ShimProcess.Result planWithUsers = shim.run(args("plan", withUsers, replace));
        ShimProcess.Result importWithUsers = shim.run(args("import", withUsers, replace));

        assertThat(plan.exitCode()).as(plan.output()).isEqualTo(3);
        assertThat(plan.stdout()).contains("REFUSED: t_job_permissions.login: 100 rows refer to t_user rows that do "
                + "not travel and are not on the target (foreign key permissions_login_fkey; rows job_name=job_2, "
                + "login=user2, permission=EDIT;", "): export again with --include t_user");
        assertThat(planWithUsers.exitCode()).as(planWithUsers.output()).isZero();
        assertThat(importWithUsers.exitCode()).as(importWithUsers.output()).isZero();
        assertThat(new DatabaseProbe(modern).count("t_job_permissions")).isEqualTo(100);
    }

    private ShimProcess.Result run(String command, List<String> rules, String... more) throws Exception {
        List<String> extra = new ArrayList<>(rules);
        extra.addAll(List.of(more));
        return shim.run(args(command, export, extra));
    }

    private List<String> args(String command, Path file, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("jobmeta", command, file.toString(), "--env-file",
                newHost.envFile().toString()));
        args.addAll(extra);
        return args;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
