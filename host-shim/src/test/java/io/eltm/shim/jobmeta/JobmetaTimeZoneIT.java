package io.eltm.shim.jobmeta;

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
 * Issue 16, item 2: a datacenter-to-cloud move keeps every instant. The legacy server runs in
 * {@value PostgresServers#LEGACY_TIME_ZONE}; the exporting JVM in Asia/Tokyo, the importing JVM (the real
 * CLI process) in Asia/Kolkata, the new server in UTC. Zone-less legacy timestamps mean the legacy
 * server's zone, and keep meaning it.
 */
@ExtendWith(WithPostgresServers.class)
class JobmetaTimeZoneIT {

    private static final List<String> TOKYO = List.of("-Duser.timezone=Asia/Tokyo");
    private static final List<String> KOLKATA = List.of("-Duser.timezone=Asia/Kolkata");
    private static final String EXPR = "t_step_watermark.updated_at=to_timestamp('2024-06-01 12:00', 'YYYY-MM-DD HH24:MI')";

    @TempDir
    Path dir;

    private PostgresServers servers;
    private Database legacy;
    private ShimProcess shim;
    private Path export;
    private ShimProcess.Result exported;

    @BeforeEach
    void exportedFromAJvmInAnotherZone(PostgresServers servers) throws Exception {
        this.servers = servers;
        legacy = servers.freshLegacy();
        shim = new ShimProcess(dir);
        export = dir.resolve("job-meta.export");
        exported = shim.run(TOKYO, Map.of("TZ", "Asia/Tokyo"), List.of("jobmeta", "export",
                "--env-file", SandboxInstall.create(dir.resolve("legacy-host"), legacy).envFile().toString(),
                "--out", export.toString(), "--json"));
        assertThat(exported.exitCode()).as(exported.output()).isZero();
    }

    @Test
    void importInAJvmOfAnotherZoneKeepsEveryInstantOfTheLegacyServersZone() throws Exception {
        Database modern = servers.freshModern();
        SandboxInstall newHost = SandboxInstall.create(dir.resolve("new-host"), modern);

        ShimProcess.Result plan = inKolkata("jobmeta", "plan", export.toString(), "--env-file", newHost.envFile().toString());
        ShimProcess.Result imported = inKolkata("jobmeta", "import", export.toString(), "--env-file",
                newHost.envFile().toString());

        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertInstantsKept(modern, "America/New_York");
        // to_timestamp(text, format) in an expression reads the text in the same zone: 12:00 in New York
        assertThat(new DatabaseProbe(modern).scalar("SELECT DISTINCT extract(epoch FROM updated_at)::bigint "
                + "FROM t_step_watermark")).isEqualTo(String.valueOf(java.time.Instant.parse("2024-06-01T16:00:00Z")
                .getEpochSecond()));
        // and every step said so: the export recorded the zone, the plan showed it
        assertThat(exported.stdout()).contains("\"sourceTimeZone\":\"America/New_York\"");
        assertThat(exported.stderr()).contains("[export-time-zone]", "the legacy server's TimeZone is America/New_York");
        assertThat(plan.exitCode()).as(plan.output()).isZero();
        assertThat(plan.stdout()).contains("time zone: zone-less timestamps are read as America/New_York (the legacy "
                + "server's TimeZone, recorded by the export)", "created_at (timestamp without time zone cast to "
                + "timestamp with time zone) read as America/New_York", "updated_at <- (to_timestamp(");
    }

    @Test
    void sourceTimezoneOverridesTheRecordedZoneAndAnUnknownZoneIsRefusedBeforeAnythingStops() throws Exception {
        Database modern = servers.freshModern();
        SandboxInstall newHost = SandboxInstall.create(dir.resolve("new-host"), modern);

        ShimProcess.Result unknown = inKolkata("jobmeta", "import", export.toString(), "--env-file",
                newHost.envFile().toString(), "--source-timezone", "Mars/Olympus_Mons");
        ShimProcess.Result imported = inKolkata("jobmeta", "import", export.toString(), "--env-file",
                newHost.envFile().toString(), "--source-timezone", "Europe/Berlin");

        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertInstantsKept(modern, "Europe/Berlin");
        assertThat(unknown.exitCode()).as(unknown.output()).isEqualTo(3);
        assertThat(unknown.stderr()).contains("the source time zone 'Mars/Olympus_Mons' (--source-timezone) is "
                + "unknown to the target's PostgreSQL");
        assertThat(newHost.serviceCalls()).containsExactly("mstop-all", "mstart-pgsql", "mstart-all");
    }

    private ShimProcess.Result inKolkata(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        LegacyDrift.MAPS.forEach(m -> all.addAll(List.of("--map", m)));
        all.addAll(List.of("--expr", EXPR));
        return shim.run(KOLKATA, Map.of("TZ", "Asia/Kolkata"), all);
    }

    /** Every zone-less legacy timestamp, read in {@code zone}, is the instant the target holds. */
    private void assertInstantsKept(Database modern, String zone) throws Exception {
        DatabaseProbe before = new DatabaseProbe(legacy);
        DatabaseProbe after = new DatabaseProbe(modern);
        for (String query : List.of("SELECT connection_name, %s FROM t_jdbc ORDER BY 1",
                "SELECT job_name, %s FROM t_job_meta ORDER BY 1",
                "SELECT version_key::text, %s FROM t_job_meta_history ORDER BY version_key")) {
            String column = query.contains("t_jdbc") ? "created_at" : query.contains("history") ? "saved_at" : "modified_at";
            List<List<String>> legacyInstants = before.rows(query.formatted(
                    "extract(epoch FROM " + column + " AT TIME ZONE '" + zone + "')::text"));
            List<List<String>> modernInstants = after.rows(query.formatted("extract(epoch FROM " + column + ")::text"));
            assertThat(modernInstants).as(column).hasSizeGreaterThan(10).isEqualTo(legacyInstants);
        }
    }
}
