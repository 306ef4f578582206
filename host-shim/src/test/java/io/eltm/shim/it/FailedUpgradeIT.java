package io.eltm.shim.it;

import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleReleases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Upgrades that fail once the stop began: exit 4, and 8.4.1 serves again on its own DB. */
class FailedUpgradeIT {

    @RegisterExtension
    final SampleInstallExtension a = SampleInstallExtension.of(SampleReleases.a());

    private SampleInstall install;
    private ShimCli shim;
    private AuditDb db;
    private Map<String, String> filesBefore;
    private List<String> tablesBefore;
    private Map<String, List<String>> columns;
    private Map<String, List<String>> rowsBefore;

    @BeforeEach
    void useInstallOfA() {
        install = a.install();
        shim = a.shim();
        db = a.db();
        filesBefore = releaseFiles();
        tablesBefore = db.tables();
        columns = db.userColumns();
        rowsBefore = db.userRows(columns);
    }

    @Test
    void rollsBackWhenAMigrationFailsHalfway() {
        ShimCli.Run run = shim.run("upgrade", a.tarball(SampleReleases.failingMigration()).toString(), "--json",
                "--health-timeout", "60");

        assertThat(run.exit()).as(run.toString()).isEqualTo(4);
        assertThat(run.lastJson().at("/lastOperation/result").asText()).isEqualTo("RolledBack");
        assertThat(run.lastJson().at("/lastOperation/message").asText()).contains("migrate");
        assertThatEightFourOneServesAsBefore();
        assertThat(db.tables()).doesNotContain(SampleReleases.FAILING_MIGRATION_TABLE);
    }

    @Test
    void rollsBackWhenNewReleaseNeverBecomesHealthy() {
        Instant start = Instant.now();

        ShimCli.Run run = shim.run("upgrade", a.tarball(SampleReleases.neverHealthy()).toString(), "--json",
                "--health-timeout", "8");

        assertThat(run.exit()).as(run.toString()).isEqualTo(4);
        assertThat(run.lastJson().at("/lastOperation/message").asText()).contains("verify").contains("503");
        // 8 s for the new release, then the old one's restart; well inside a minute, not the 180 s default
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(60));
        assertThatEightFourOneServesAsBefore();
    }

    @Test
    void rollsBackBeforeAnyChangeWhenMstopAllLeavesAServiceRunning() throws IOException {
        Files.writeString(install.installDir().resolve("server/webserver/admin/mstop-all"), """
                #!/bin/bash
                # broken: says it stopped everything, stops only the DB and leaves the meta-service running
                [ -n "${ISERVER_HOME:-}" ] || . "$HOME/.env_integrator"
                exec "$ISERVER_HOME/server/webserver/admin/mstop-pgsql"
                """);
        filesBefore = releaseFiles();
        OptionalLong metaService = install.servicePids().metaService();

        ShimCli.Run run = shim.run("upgrade", a.tarball(SampleReleases.b()).toString(), "--json", "--health-timeout", "60");

        assertThat(run.exit()).as(run.toString()).isEqualTo(4);
        assertThat(run.lastJson().at("/lastOperation/message").asText()).contains("still run")
                .contains("pids [" + metaService.getAsLong() + "]");
        assertThat(run.lastJson().at("/lastOperation/steps/4/state").asText()).as("swap").isEqualTo("PENDING");
        assertThatEightFourOneServesAsBefore();
        assertThat(install.servicePids().metaService()).isEqualTo(metaService);
    }

    private Map<String, String> releaseFiles() {
        return InstallTree.installFiles(install.installDir());
    }

    private void assertThatEightFourOneServesAsBefore() {
        assertThat(install.healthResponse().body()).contains("VERSION=8.4.1");
        assertThat(install.showMprocess().ok()).isTrue();
        assertThat(releaseFiles()).isEqualTo(filesBefore);
        assertThat(db.appliedVersions()).containsExactly("1", "2");
        assertThat(db.tables()).isEqualTo(tablesBefore);
        assertThat(db.userColumns()).isEqualTo(columns);
        assertThat(db.userRows(columns)).isEqualTo(rowsBefore);
    }
}
