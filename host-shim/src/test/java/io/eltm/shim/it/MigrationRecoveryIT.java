package io.eltm.shim.it;

import io.eltm.shim.kit.ReleaseSpec;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleMigration;
import io.eltm.shim.kit.SampleReleases;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recovery of an upgrade killed around its migrations decides from {@code schema_version} what
 * committed; these tests attack that decision: a session of the killed run still executing its
 * migration, and a failed Flyway row standing for a migration that broke halfway outside a transaction.
 */
class MigrationRecoveryIT {

    private static final String SLOW = "pg_sleep(600)";

    @RegisterExtension
    final SampleInstallExtension a = SampleInstallExtension.of(SampleReleases.a());

    @Test
    void aKilledRunsMigrationSessionIsEndedBeforeRecoveryReadsSchemaVersion() throws Exception {
        List<SampleMigration> migrations = new ArrayList<>(SampleReleases.a().migrations());
        migrations.add(new SampleMigration(3, "slow_archive",
                "CREATE TABLE t_slow_archive (id int);\nINSERT INTO t_slow_archive VALUES (1);\nSELECT " + SLOW + ";\n",
                Optional.empty()));
        ReleaseSpec slow = SampleReleases.b().withVersion("8.4.3").withMigrations(migrations);
        AuditDb db = a.db();
        Process upgrade = a.shim().start(Map.of(), a.sandbox().resolve("upgrade.out"), a.sandbox().resolve("upgrade.err"),
                "upgrade", a.tarball(slow).toString());
        // Postgres stops and starts again (the stop, then start-postgres) while this waits
        await().atMost(Duration.ofSeconds(180)).ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> db.activeSessionsRunning(SLOW) == 1 || !upgrade.isAlive());
        assertThat(upgrade.isAlive()).as(Files.readString(a.sandbox().resolve("upgrade.err"))).isTrue();
        upgrade.destroyForcibly().waitFor();

        ShimCli.Run status = a.shim().run("status", "--json");

        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.lastJson().at("/lastOperation/result").asText()).as(status.toString()).isEqualTo("RolledBack");
        assertThat(db.activeSessionsRunning(SLOW)).as("sessions of the killed run still migrating").isZero();
        assertThat(db.appliedVersions()).containsExactly("1", "2");
        assertThat(db.tables()).doesNotContain("t_slow_archive");
        assertThat(a.install().healthResponse().body()).contains("VERSION=8.4.1");
    }

    @Test
    void aFailedFlywayRowIsNeverTakenForTheDatabaseAsBefore() throws Exception {
        SampleInstall install = a.install();
        AuditDb db = a.db();
        Map<String, List<String>> columns = db.userColumns();
        Map<String, List<String>> rows = db.userRows(columns);
        List<String> tables = db.tables();
        Path marker = install.installDir().resolve("transient/eltm-shim/halted");
        Process upgrade = a.shim().start(Map.of("ELTM_SHIM_HALT_AT", "migrate:before"), a.sandbox().resolve("upgrade.out"),
                a.sandbox().resolve("upgrade.err"), "upgrade", a.tarball(SampleReleases.bWithoutUndo()).toString());
        await().atMost(Duration.ofSeconds(180)).until(() -> Files.exists(marker) || !upgrade.isAlive());
        assertThat(upgrade.isAlive()).as(Files.readString(a.sandbox().resolve("upgrade.err"))).isTrue();
        upgrade.destroyForcibly().waitFor();
        // what Flyway leaves of a migration it ran outside a transaction and that broke halfway
        db.execute("CREATE TABLE t_half_done (id int); ALTER TABLE t_job_meta ADD COLUMN half_done int; "
                + "INSERT INTO schema_version (installed_rank, version, description, type, script, checksum, "
                + "installed_by, execution_time, success) SELECT max(installed_rank) + 1, '3', 'add job owner email', "
                + "'SQL', 'V3__add_job_owner_email.sql', 0, 'eltm-shim', 12, false FROM schema_version");

        ShimCli.Run status = a.shim().run("status", "--json");

        assertThat(status.exit()).as(status.toString()).isZero();
        assertThat(status.lastJson().at("/lastOperation/result").asText()).as(status.toString()).isEqualTo("RolledBack");
        assertThat(db.tables()).isEqualTo(tables);
        assertThat(db.userColumns()).isEqualTo(columns);
        assertThat(db.userRows(columns)).isEqualTo(rows);
        assertThat(db.strings("SELECT count(*) FROM schema_version WHERE NOT success")).containsExactly("0");
        assertThat(db.appliedVersions()).containsExactly("1", "2");
        assertThat(db.operationDatabases()).isEmpty();
    }
}
