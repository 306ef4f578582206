package io.eltm.shim.it;

import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.shim.kit.ServicePids;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Going back: `rollback`, downgrades with and without undo scripts, and DBs without schema_version. */
class RollbackIT {

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
    void rollbackReturnsToThePreviousReleaseAndUndoesItsMigrations() throws Exception {
        String versionA = Files.readString(install.installDir().resolve("VERSION"));
        List<String> tablesA = db.tables();
        Map<String, List<String>> columnsA = db.userColumns();
        Map<String, List<String>> rowsA = db.userRows(columnsA);
        Map<String, String> preserved = InstallTree.preserved(install.installDir());
        upgrade(SampleReleases.b().fileName(), a.tarball(SampleReleases.b()));

        ShimCli.Run run = shim.run("rollback", "--json");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.lastJson().at("/lastOperation/type").asText()).isEqualTo("rollback");
        assertThat(run.lastJson().at("/lastOperation/to").asText()).isEqualTo("8.4.1");
        assertThat(Files.readString(install.installDir().resolve("VERSION"))).isEqualTo(versionA);
        assertThat(install.installDir().resolve(SampleReleases.A_ONLY_BIN_FILE)).exists();
        assertThat(install.installDir().resolve(SampleReleases.B_LIB_JAR)).doesNotExist();
        assertThat(db.appliedVersions()).containsExactly("1", "2");
        assertThat(db.tables()).isEqualTo(tablesA);
        assertThat(db.userColumns()).isEqualTo(columnsA);
        assertThat(db.userRows(columnsA)).isEqualTo(rowsA);
        assertThat(InstallTree.preserved(install.installDir())).isEqualTo(preserved);
        assertThat(install.healthResponse().body()).contains("VERSION=8.4.1");
    }

    @Test
    void anUpgradeHeldByNoRollbackStaysAsItIsUntilRollbackRevertsIt() {
        ShimCli.Run failed = shim.run("upgrade", a.tarball(SampleReleases.failingMigration()).toString(), "--no-rollback",
                "--health-timeout", "60");

        assertThat(failed.exit()).as(failed.toString()).isEqualTo(5);
        assertThat(failed.stderr()).contains("--no-rollback").contains("eltm-shim rollback");
        assertThat(install.installDir().resolve("VERSION")).content().contains("VERSION=8.5.0");

        ShimCli.Run another = shim.run("upgrade", a.tarball(SampleReleases.b()).toString());
        assertThat(another.exit()).as(another.toString()).isEqualTo(3);
        assertThat(another.stderr()).contains("not resolved");

        ShimCli.Run rollback = shim.run("rollback", "--json");

        assertThat(rollback.exit()).as(rollback.toString()).isZero();
        assertThat(rollback.lastJson().at("/lastOperation/result").asText()).isEqualTo("RolledBack");
        assertThat(install.installDir().resolve("VERSION")).content().contains("VERSION=8.4.1");
        assertThat(db.appliedVersions()).containsExactly("1", "2");
        assertThat(install.healthResponse().body()).contains("VERSION=8.4.1");
    }

    @Test
    void aSecondRollbackNeverReinstallsTheReleaseJustRolledBack() {
        upgrade("B", a.tarball(SampleReleases.b()));
        ShimCli.Run first = shim.run("rollback", "--json");
        assertThat(first.exit()).as(first.toString()).isZero();
        ServicePids pids = install.servicePids();

        ShimCli.Run second = shim.run("rollback", "--json");

        assertThat(second.exit()).as(second.toString()).isEqualTo(3);
        assertThat(second.stderr() + second.stdout()).contains("no earlier release is cached");
        assertThat(install.installDir().resolve("VERSION")).content().contains("VERSION=8.4.1");
        assertThat(install.servicePids()).isEqualTo(pids);
        assertThat(db.appliedVersions()).containsExactly("1", "2");
    }

    @Test
    void afterAFailedUpgradeTheUpgradeAndStatusReportThatOneNotThePreviousOne() {
        upgrade("B", a.tarball(SampleReleases.b()));

        ShimCli.Run failed = shim.run("upgrade", a.tarball(SampleReleases.failingMigration()).toString(), "--no-rollback",
                "--json", "--health-timeout", "60");
        ShimCli.Run status = shim.run("status", "--json");

        assertThat(failed.exit()).as(failed.toString()).isEqualTo(5);
        for (ShimCli.Run run : List.of(failed, status)) {
            assertThat(run.lastJson().at("/lastOperation/to").asText()).as(run.toString()).isEqualTo("8.5.0");
            assertThat(run.lastJson().at("/lastOperation/result").asText()).as(run.toString()).isEqualTo("Failed");
        }
    }

    @Test
    void rollbackWithNothingCachedIsRefused() {
        ShimCli.Run run = shim.run("rollback");

        assertThat(run.exit()).as(run.toString()).isEqualTo(3);
        assertThat(run.stderr() + run.stdout()).contains("no earlier release is cached");
    }

    @Test
    void downgradeNeedsTheFlagAndUndoesWithTheNewerReleasesUndoScripts() {
        upgrade("B", a.tarball(SampleReleases.b()));
        Path older = a.tarball(SampleReleases.a());
        ServicePids pids = install.servicePids();

        ShimCli.Run refused = shim.run("upgrade", older.toString());

        assertThat(refused.exit()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.stdout() + refused.stderr()).contains("--allow-downgrade");
        assertThat(install.servicePids()).isEqualTo(pids);

        ShimCli.Run run = shim.run("upgrade", older.toString(), "--allow-downgrade", "--health-timeout", "60");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(db.appliedVersions()).containsExactly("1", "2");
        assertThat(install.healthResponse().body()).contains("VERSION=8.4.1");
    }

    @Test
    void downgradeWithoutUndoScriptsIsRefusedListingTheVersions() {
        upgrade("B without undo", a.tarball(SampleReleases.bWithoutUndo()));
        ServicePids pids = install.servicePids();

        ShimCli.Run run = shim.run("upgrade", a.tarball(SampleReleases.a()).toString(), "--allow-downgrade");

        assertThat(run.exit()).as(run.toString()).isEqualTo(3);
        assertThat(run.stdout() + run.stderr()).contains("no undo script").contains("4, 3");
        assertThat(install.servicePids()).isEqualTo(pids);
        assertThat(db.appliedVersions()).containsExactly("1", "2", "3", "4");
    }

    @Test
    void aDatabaseWithoutSchemaVersionNeedsABaseline() {
        db.execute("DROP TABLE schema_version");
        Path b = a.tarball(SampleReleases.b());

        ShimCli.Run refused = shim.run("upgrade", b.toString());

        assertThat(refused.exit()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.stdout() + refused.stderr()).contains("--baseline");

        ShimCli.Run run = shim.run("upgrade", b.toString(), "--baseline", "2", "--health-timeout", "60");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(db.appliedVersions()).containsExactly("3", "4");
        assertThat(db.strings("SELECT version FROM schema_version WHERE type = 'BASELINE'")).containsExactly("2");
    }

    private void upgrade(String what, Path tarball) {
        ShimCli.Run run = shim.run("upgrade", tarball.toString(), "--health-timeout", "60");
        assertThat(run.exit()).as("upgrade to " + what + ": " + run).isZero();
    }
}
