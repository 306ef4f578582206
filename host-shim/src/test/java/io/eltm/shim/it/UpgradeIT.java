package io.eltm.shim.it;

import io.eltm.shim.kit.ReleaseSpec;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.shim.kit.ServicePids;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-place upgrade from 8.4.1 to 8.4.2 on a real sample install, through the real command line. */
class UpgradeIT {

    @RegisterExtension
    final SampleInstallExtension a = SampleInstallExtension.of(SampleReleases.a());

    private SampleInstall install;
    private ShimCli shim;
    private AuditDb db;

    @BeforeEach
    void useInstallOfA() {
        install = a.install();
        shim = a.shim();
        db = a.db();
    }

    @Test
    void upgradesAToBKeepingEverythingTheUserOwns() throws Exception {
        ReleaseSpec b = SampleReleases.b();
        Map<String, String> preservedBefore = InstallTree.preserved(install.installDir());
        Map<String, List<String>> columns = db.userColumns();
        Map<String, List<String>> rowsBefore = db.userRows(columns);
        String envBefore = Files.readString(install.envFile());

        ShimCli.Run run = shim.run("upgrade", a.tarball(b).toString(), "--json", "--health-timeout", "60");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(Files.readString(install.installDir().resolve("VERSION"))).isEqualTo(b.versionFile());
        assertThat(db.appliedVersions()).containsExactly("1", "2", "3", "4");
        assertThat(install.installDir().resolve(SampleReleases.A_ONLY_BIN_FILE)).doesNotExist();
        assertThat(install.installDir().resolve(SampleReleases.A_ONLY_LIB_JAR)).doesNotExist();
        assertThat(install.installDir().resolve(SampleReleases.B_LIB_JAR)).exists();
        assertThat(InstallTree.preserved(install.installDir())).isEqualTo(preservedBefore);
        assertThat(Files.readString(install.envFile())).isEqualTo(envBefore);
        assertThat(db.userRows(columns)).isEqualTo(rowsBefore);
        assertThat(install.healthResponse().body()).contains("VERSION=8.4.2").contains(b.gitSha());

        JsonNode status = run.lastJson();
        assertThat(status.get("installDir").asText()).isEqualTo(install.installDir().toString());
        assertThat(status.get("version").asText()).isEqualTo("8.4.2");
        assertThat(status.get("gitSha").asText()).isEqualTo(b.gitSha());
        assertThat(status.get("builtAt").asText()).isEqualTo("2026-11-01T10:15:00Z");
        assertThat(status.get("healthy").asBoolean()).isTrue();
        assertThat(status.at("/schema/current").asText()).isEqualTo("4");
        assertThat(status.at("/schema/pending")).isEmpty();
        JsonNode op = status.get("lastOperation");
        assertThat(op.get("type").asText()).isEqualTo("upgrade");
        assertThat(op.get("from").asText()).isEqualTo("8.4.1");
        assertThat(op.get("to").asText()).isEqualTo("8.4.2");
        assertThat(op.get("result").asText()).isEqualTo("Succeeded");
        assertThat(op.get("downtimeMillis").asLong()).isPositive();
        assertThat(op.get("steps").findValuesAsText("name")).containsExactly("fetch", "stage", "preflight", "stop",
                "swap", "start-postgres", "snapshot", "migrate", "start", "verify", "finish");

        ShimCli.Run again = shim.run("status", "--json");
        assertThat(again.exit()).isZero();
        assertThat(again.lastJson().get("version").asText()).isEqualTo("8.4.2");
        assertThat(again.lastJson().at("/lastOperation/result").asText()).isEqualTo("Succeeded");
    }

    @Test
    void checkPrintsThePlanAndChangesNothing() {
        ServicePids pids = install.servicePids();
        Map<String, String> before = InstallTree.files(install.installDir());

        ShimCli.Run run = shim.run("check", a.tarball(SampleReleases.b()).toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("8.4.1 → 8.4.2").contains("apply 3, 4").contains("server/engine/lib");
        assertThat(install.servicePids()).isEqualTo(pids);
        assertThat(InstallTree.files(install.installDir())).isEqualTo(before);
        assertThat(db.appliedVersions()).containsExactly("1", "2");
    }

    @Test
    void refusesTheSameReleaseTwiceWithoutTouchingServices() {
        Path b = a.tarball(SampleReleases.b());
        assertThat(shim.run("upgrade", b.toString(), "--health-timeout", "60").exit()).isZero();
        ServicePids pids = install.servicePids();

        ShimCli.Run again = shim.run("upgrade", b.toString());

        assertThat(again.exit()).as(again.toString()).isEqualTo(3);
        assertThat(again.stderr()).contains("8.4.2").contains("already installed");
        assertThat(install.servicePids()).isEqualTo(pids);
    }
}
