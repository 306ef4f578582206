package io.eltm.shim.jobmeta;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, item 4: what the CLI reports is what happened, and what it is told is taken literally:
 * {@code --merge keep-existing} reports the rows it wrote; malformed, repeated or conflicting rules are
 * usage errors (exit 2) that change nothing; the import's closing hint is a verify command that works.
 */
@ExtendWith(WithPostgresServers.class)
class JobmetaReportingIT {

    @TempDir
    Path dir;

    private Database modern;
    private SandboxInstall newHost;
    private ShimProcess shim;
    private Path export;

    @BeforeEach
    void exported(PostgresServers servers) throws Exception {
        Database legacy = servers.freshLegacy();
        modern = servers.freshModern();
        newHost = SandboxInstall.create(dir.resolve("new-host"), modern);
        shim = new ShimProcess(dir);
        export = dir.resolve("job-meta.export");
        assertThat(shim.run(List.of("jobmeta", "export", "--env-file", SandboxInstall.create(dir.resolve("legacy-host"),
                legacy).envFile().toString(), "--out", export.toString())).exitCode()).isZero();
    }

    @Test
    void keepExistingReportsTheRowsActuallyWrittenAndThoseKept() throws Exception {
        assertThat(shim.run(importArgs()).exitCode()).isZero();
        DatabaseProbe target = new DatabaseProbe(modern);
        target.execute("DELETE FROM t_step_watermark WHERE job_name IN ('job_1', 'job_2')");

        List<String> args = importArgs("--merge", "keep-existing", "--json");
        ShimProcess.Result kept = shim.run(args);

        assertThat(kept.exitCode()).as(kept.output()).isZero();
        assertThat(kept.stdout()).containsPattern("t_step_watermark +4 of 400 rows inserted, 396 kept from the target")
                .containsPattern("t_job_meta +0 of 200 rows inserted, 200 kept from the target");
        assertThat(kept.stderr()).contains("[commit]", ": 4 rows committed");
        JsonNode tables = ExportFormat.mapper().readTree(lastLine(kept.stdout())).path("import").path("tables");
        assertThat(tables.findValues("inserted").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(4);
        assertThat(target.count("t_step_watermark")).isEqualTo(400);
    }

    @Test
    void malformedRepeatedAndConflictingRulesAreUsageErrorsThatChangeNothing() throws Exception {
        ShimProcess.Result malformed = shim.run(importArgs("--map", "owner_name=owner"));
        List<String> both = importArgs("--expr", "t_job_meta.description='from an expression'");
        ShimProcess.Result conflicting = shim.run(both);
        ShimProcess.Result repeated = shim.run(importArgs("--map", "t_job_meta.owner_name=owner"));
        ShimProcess.Result planConflict = shim.run(List.of("jobmeta", "plan", export.toString(), "--env-file",
                newHost.envFile().toString(), "--map", "t_jdbc.db_user=x", "--map", "t_jdbc.driver_class=x"));

        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.stderr()).contains("--map owner_name=owner: expected TABLE.COLUMN=VALUE");
        assertThat(conflicting.exitCode()).isEqualTo(2);
        assertThat(conflicting.stderr()).contains("--map t_job_meta.job_desc=description and --expr "
                + "t_job_meta.description both give the target column t_job_meta.description: keep one of them");
        assertThat(repeated.exitCode()).isEqualTo(2);
        assertThat(repeated.stderr()).contains("t_job_meta.owner_name");
        assertThat(planConflict.exitCode()).isEqualTo(2);
        assertThat(newHost.serviceCalls()).isEmpty();
        assertThat(new DatabaseProbe(modern).count("t_job_meta")).isZero();
    }

    @Test
    void theImportsClosingHintIsAVerifyCommandThatPassesAsPrinted() throws Exception {
        ShimProcess.Result imported = shim.run(importArgs());
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        Matcher hint = Pattern.compile("now run: eltm-shim (jobmeta verify .*)").matcher(imported.stdout());
        assertThat(hint.find()).as(imported.stdout()).isTrue();
        assertThat(hint.group(1)).contains("--env-file " + newHost.envFile(), "--map t_job_meta.owner_name=owner",
                "--expr 't_step_watermark.updated_at=to_timestamp(updated_epoch / 1000.0)'");

        ShimProcess.Result verified = shim.runShell(hint.group(1));

        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.stdout()).contains("verified: the target matches");
    }

    @Test
    void planSaysWhichColumnsAreLeftNullAndWhichGetTheirDefault() throws Exception {
        new DatabaseProbe(modern).execute("ALTER TABLE t_jdbc ADD COLUMN notes text");

        ShimProcess.Result plan = shim.run(List.of("jobmeta", "plan", export.toString(), "--env-file",
                newHost.envFile().toString()));

        assertThat(plan.exitCode()).isEqualTo(3);
        assertThat(plan.stdout()).contains("t_jdbc: 20 rows\n", "  left NULL (no default): notes\n",
                "  left to their default: enabled\n", "  left NULL (no default): description\n");
    }

    private List<String> importArgs(String... more) {
        List<String> args = new ArrayList<>(List.of("jobmeta", "import", export.toString(), "--env-file",
                newHost.envFile().toString()));
        args.addAll(LegacyDrift.options());
        args.addAll(List.of(more));
        return args;
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }
}
