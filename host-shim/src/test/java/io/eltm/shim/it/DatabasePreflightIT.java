package io.eltm.shim.it;

import io.eltm.shim.kit.ReleaseSpec;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleMigration;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.shim.kit.ServicePids;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the database needs is checked before the stop: a migration that cannot run in the upgrade's
 * one transaction and a DB role that cannot take the snapshot are refused (exit 3) with the services
 * still running on the same PIDs and nothing changed; and {@code --baseline} is recorded even when the
 * release has nothing pending.
 */
class DatabasePreflightIT {

    @RegisterExtension
    final SampleInstallExtension a = SampleInstallExtension.of(SampleReleases.a());

    private SampleInstall install;
    private AuditDb db;
    private ServicePids pids;
    private Map<String, String> files;

    @BeforeEach
    void rememberTheInstall() {
        install = a.install();
        db = a.db();
        pids = install.servicePids();
        files = InstallTree.files(install.installDir(), rel -> !rel.startsWith("server/pgsql/data/")
                && !rel.startsWith("transient/") && !InstallTree.SERVICE_LOGS.contains(rel));
    }

    @Test
    void aMigrationThatCannotRunInATransactionIsRefusedNamingItsFile() {
        List<SampleMigration> migrations = new ArrayList<>(SampleReleases.a().migrations());
        migrations.add(new SampleMigration(3, "index_job_owner",
                "CREATE INDEX CONCURRENTLY idx_job_meta_description ON t_job_meta (description);\n", Optional.empty()));
        ReleaseSpec concurrently = SampleReleases.b().withVersion("8.4.3").withMigrations(migrations);

        ShimCli.Run run = a.shim().run("upgrade", a.tarball(concurrently).toString(), "--json");

        assertThat(run.exit()).as(run.toString()).isEqualTo(3);
        assertThat(run.lastJson().at("/lastOperation/message").asText())
                .contains("server/pgsql.factory/migrations/V3__index_job_owner.sql")
                .contains("cannot run inside a transaction");
        assertUntouched();
        assertThat(db.strings("SELECT indexname FROM pg_indexes WHERE indexname = 'idx_job_meta_description'")).isEmpty();
    }

    @Test
    void aDbRoleWithoutCreatedbIsRefusedBeforeTheStop() throws Exception {
        db.execute("CREATE ROLE eltm_app LOGIN NOSUPERUSER NOCREATEDB; ALTER DATABASE sqlmaestro OWNER TO eltm_app; "
                + "GRANT ALL ON ALL TABLES IN SCHEMA public TO eltm_app");
        Files.writeString(install.envFile(), "\nexport PGUSER=eltm_app\n", StandardOpenOption.APPEND);

        ShimCli.Run run = a.shim().run("upgrade", a.tarball(SampleReleases.b()).toString(), "--json");

        assertThat(run.exit()).as(run.toString()).isEqualTo(3);
        assertThat(run.lastJson().at("/lastOperation/message").asText())
                .contains("eltm_app lacks the CREATEDB privilege").contains("ALTER ROLE \"eltm_app\" CREATEDB");
        assertUntouched();
    }

    @Test
    void baselineIsRecordedEvenWhenNothingIsPending() {
        // an install older than migrations: its DB already matches V1..V4, but has no schema_version
        db.execute("DROP TABLE schema_version; ALTER TABLE t_job_meta ADD COLUMN owner_email varchar(320); "
                + "CREATE TABLE t_job_tag (job_name varchar(200), tag varchar(100))");

        ShimCli.Run run = a.shim().run("upgrade", a.tarball(SampleReleases.b()).toString(), "--baseline", "4", "--json");

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(db.strings("SELECT version FROM schema_version WHERE type = 'BASELINE'")).containsExactly("4");
        ShimCli.Run again = a.shim().run("check", a.tarball(SampleReleases.b().withVersion("8.4.3")).toString());
        assertThat(again.exit()).as("the next upgrade needs no --baseline: %s", again).isZero();
        assertThat(db.operationDatabases()).isEmpty();
    }

    private void assertUntouched() {
        assertThat(install.servicePids()).isEqualTo(pids);
        assertThat(InstallTree.files(install.installDir(), rel -> !rel.startsWith("server/pgsql/data/")
                && !rel.startsWith("transient/") && !InstallTree.SERVICE_LOGS.contains(rel))).isEqualTo(files);
        assertThat(db.appliedVersions()).containsExactly("1", "2");
        assertThat(db.operationDatabases()).isEmpty();
    }
}
