package io.eltm.shim.kit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each test makes its own install: starting, stopping and removing one is what is proven here. */
class SampleInstallLifecycleIT {

    @TempDir
    Path sandbox;

    @Test
    void closeStopsEveryServiceAndDeletesTheSandbox() {
        SampleInstall install = SampleInstall.create(sandbox.resolve("b"), ReleaseKit.inUserCache().build(SampleReleases.b()));
        ServicePids pids = install.servicePids();
        assertThat(pids.allRunning()).isTrue();

        install.close();

        assertThat(pids.anyStillRunning()).isFalse();
        assertThat(sandbox.resolve("b")).doesNotExist();
    }

    @Test
    void closeKillsTheServicesEvenWhenTheInstallsScriptsAreGone() throws Exception {
        SampleInstall install = SampleInstall.create(sandbox.resolve("a"), ReleaseKit.inUserCache().build(SampleReleases.a()));
        ServicePids pids = install.servicePids();
        Files.delete(install.installDir().resolve("server/webserver/admin/mstop-all"));
        Files.delete(install.installDir().resolve("transient/meta-service.pid"));

        install.close();

        assertThat(pids.anyStillRunning()).isFalse();
    }

    @Test
    void mstopAllStopsBothServicesAndMstartAllBringsThemBack() {
        try (SampleInstall install = SampleInstall.create(sandbox.resolve("b"),
                ReleaseKit.inUserCache().build(SampleReleases.b()))) {
            ServicePids before = install.servicePids();

            install.stop();

            assertThat(install.servicePids().noneRunning()).isTrue();
            assertThat(install.showMprocess().exitCode()).isNotZero();
            assertThat(before.anyStillRunning()).isFalse();

            install.start();

            assertThat(install.showMprocess().exitCode()).isZero();
            assertThat(install.healthResponse().body()).contains("VERSION=8.4.2");
            assertThat(install.servicePids().metaService()).isNotEqualTo(before.metaService());
        }
    }

    @Test
    void neverHealthyReleaseRunsButAnswers503Forever() {
        try (SampleInstall install = SampleInstall.create(sandbox.resolve("sick"),
                ReleaseKit.inUserCache().build(SampleReleases.neverHealthy()))) {

            assertThat(install.showMprocess().exitCode()).isZero();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> install.healthResponse().status() == 503);
            assertThat(install.healthResponse().body()).contains("8.6.0");
        }
    }
}
