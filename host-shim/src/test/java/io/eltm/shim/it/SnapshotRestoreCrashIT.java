package io.eltm.shim.it;

import io.eltm.shim.db.DatabaseSnapshot;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleReleases;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The snapshot restore killed at each of its statement boundaries. An upgrade to a release without
 * undo scripts dies after its migrations committed; the next command's recovery restores the
 * snapshot and is itself SIGKILLed between two statements; the command after it works out from the
 * database names where the restore stood and finishes it: 8.4.1 on its DB as before, with the
 * database's owner, grants and settings, and no snapshot or set-aside copy left.
 */
class SnapshotRestoreCrashIT {

    @RegisterExtension
    final SampleInstallExtension a = SampleInstallExtension.of(SampleReleases.a());

    @ParameterizedTest(name = "recovery killed after {0}")
    @MethodSource("restorePoints")
    void theCommandAfterARecoveryKilledMidRestoreFinishesIt(String point) throws Exception {
        SampleInstall install = a.install();
        ShimCli shim = a.shim();
        AuditDb db = a.db();
        db.execute("CREATE ROLE eltm_owner NOLOGIN; CREATE ROLE eltm_reader LOGIN; "
                + "ALTER DATABASE sqlmaestro OWNER TO eltm_owner; "
                + "REVOKE TEMPORARY ON DATABASE sqlmaestro FROM PUBLIC; GRANT CONNECT ON DATABASE sqlmaestro TO eltm_reader; "
                + "ALTER DATABASE sqlmaestro SET work_mem = '7MB'; "
                + "ALTER DATABASE sqlmaestro SET search_path = \"$user\", public; "
                + "ALTER ROLE eltm_reader IN DATABASE sqlmaestro SET statement_timeout = '42s'");
        List<String> settings = db.databaseLevel();
        Map<String, List<String>> columns = db.userColumns();
        Map<String, List<String>> rows = db.userRows(columns);
        Path marker = install.installDir().resolve("transient/eltm-shim/halted");

        killAt(shim, marker, "start:before", "upgrade", a.tarball(SampleReleases.bWithoutUndo()).toString(),
                "--health-timeout", "60");
        assertThat(db.appliedVersions()).as("the migrations committed").containsExactly("1", "2", "3", "4");
        killAt(shim, marker, point, "status");

        ShimCli.Run status = shim.run("status", "--json");

        assertThat(status.exit()).as(status.toString()).isZero();
        JsonNode json = status.lastJson();
        assertThat(json.get("version").asText()).isEqualTo("8.4.1");
        assertThat(json.at("/lastOperation/result").asText()).as(status.toString()).isEqualTo("RolledBack");
        assertThat(json.get("healthy").asBoolean()).as(status.toString()).isTrue();
        assertThat(db.appliedVersions()).containsExactly("1", "2");
        assertThat(db.userColumns()).isEqualTo(columns);
        assertThat(db.userRows(columns)).isEqualTo(rows);
        assertThat(db.databaseLevel()).isEqualTo(settings);
        assertThat(db.operationDatabases()).isEmpty();
        assertThat(install.installDir().resolve("transient/eltm-shim/journal.json")).doesNotExist();
    }

    static List<String> restorePoints() {
        return DatabaseSnapshot.RESTORE_CRASH_POINTS;
    }

    /** Runs the command until it halts at {@code point}, then SIGKILLs it. */
    private void killAt(ShimCli shim, Path marker, String point, String... args) throws Exception {
        Files.deleteIfExists(marker);
        Path out = a.sandbox().resolve("halted.out");
        Path err = a.sandbox().resolve("halted.err");
        Process p = shim.start(Map.of("ELTM_SHIM_HALT_AT", point), out, err, args);
        await().atMost(Duration.ofSeconds(180)).until(() -> Files.exists(marker) || !p.isAlive());
        assertThat(p.isAlive()).as("halted at %s: %s%s", point, Files.readString(out), Files.readString(err)).isTrue();
        p.destroyForcibly().waitFor();
        Files.delete(marker);
    }
}
