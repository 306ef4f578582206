package io.eltm.shim.it;

import io.eltm.shim.kit.ReleaseKit;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleReleases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The upgrade process SIGKILLed at each step (a real process, stopped dead at a named point by the
 * ELTM_SHIM_HALT_AT hook, then killed): the next command finishes or reverts it, leaving the install
 * wholly on one release, consistent with schema_version, healthy, and with the user's data intact.
 */
class CrashRecoveryIT {

    @TempDir
    Path sandbox;

    private final ReleaseKit kit = ReleaseKit.inUserCache();

    @ParameterizedTest(name = "killed at {0}: ends on {1} ({2})")
    @CsvSource({
            "fetch:after,          8.4.1, Refused",
            "stage:after,          8.4.1, Refused",
            "preflight:after,      8.4.1, Refused",
            "stop:after,           8.4.1, RolledBack",
            "swap:unit-3,          8.4.1, RolledBack",
            "swap:after,           8.4.1, RolledBack",
            "start-postgres:after, 8.4.1, RolledBack",
            "snapshot:after,       8.4.1, RolledBack",
            "migrate:before,       8.4.1, RolledBack",
            "migrate:after,        8.4.1, RolledBack",
            "start:after,          8.4.1, RolledBack",
            "verify:after,         8.4.2, Succeeded",
            "finish:after,         8.4.2, Succeeded"})
    void nextCommandLeavesTheInstallWhollyOnOneRelease(String haltAt, String expectedVersion, String expectedResult)
            throws Exception {
        Path a = kit.build(SampleReleases.a());
        Path b = kit.build(SampleReleases.b());
        try (SampleInstall install = SampleInstall.create(sandbox, a)) {
            ShimCli shim = new ShimCli(install);
            AuditDb db = new AuditDb(install);
            Map<String, String> preserved = InstallTree.preserved(install.installDir());
            Map<String, List<String>> columns = db.userColumns();
            Map<String, List<String>> rows = db.userRows(columns);
            Path marker = install.installDir().resolve("transient/eltm-shim/halted");

            Process upgrade = shim.start(Map.of("ELTM_SHIM_HALT_AT", haltAt), sandbox.resolve("upgrade.out"),
                    sandbox.resolve("upgrade.err"), "upgrade", b.toString(), "--health-timeout", "60");
            await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(marker) || !upgrade.isAlive());
            assertThat(upgrade.isAlive()).as("halted at %s: %s", haltAt, Files.readString(sandbox.resolve("upgrade.err")))
                    .isTrue();
            upgrade.destroyForcibly().waitFor();

            ShimCli.Run status = shim.run("status", "--json");

            assertThat(status.exit()).as(status.toString()).isZero();
            JsonNode json = status.lastJson();
            assertThat(json.get("version").asText()).isEqualTo(expectedVersion);
            assertThat(json.at("/lastOperation/result").asText()).as(status.toString()).isEqualTo(expectedResult);
            assertThat(json.get("healthy").asBoolean()).as(status.toString()).isTrue();
            assertThat(install.healthResponse().body()).contains("VERSION=" + expectedVersion);
            boolean onB = expectedVersion.equals("8.4.2");
            assertThat(db.appliedVersions()).isEqualTo(onB ? List.of("1", "2", "3", "4") : List.of("1", "2"));
            assertThat(install.installDir().resolve(SampleReleases.A_ONLY_BIN_FILE).toFile().exists()).isEqualTo(!onB);
            assertThat(install.installDir().resolve(SampleReleases.B_LIB_JAR).toFile().exists()).isEqualTo(onB);
            assertThat(install.installDir().resolve(SampleReleases.A_ONLY_LIB_JAR).toFile().exists()).isEqualTo(!onB);
            assertThat(InstallTree.preserved(install.installDir())).isEqualTo(preserved);
            assertThat(db.userRows(columns)).isEqualTo(rows);
            assertThat(install.installDir().resolve("transient/eltm-shim/journal.json")).doesNotExist();
        }
    }
}
