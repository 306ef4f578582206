package io.eltm.e2e;

import static io.eltm.e2e.RestrictedPods.enforceRestricted;
import static org.assertj.core.api.Assertions.assertThat;

import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.eltm.api.v1alpha1.WorkloadTarget;
import io.eltm.operator.workload.UpgradeJobs;
import io.eltm.shim.kit.PreservedFiles;
import io.eltm.shim.kit.ReleaseKit;
import io.eltm.shim.kit.SampleReleases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ELTM in a pod, as a customer runs it (docs/pods.md): the sample manifest's StatefulSet of the sample
 * image on the real node, in a namespace enforcing Pod Security "restricted". The install tree lives on
 * the volume, readiness is show-mprocess and the health URL, and the meta-service answers through the
 * Service. This is the workload an EltmInstallation with spec.target.workload upgrades.
 */
class SampleWorkloadOnTheNodeE2E {

    @RegisterExtension
    static final KubeControlPlaneExtension NODE = KubeControlPlaneExtension.node();

    private static final Duration FIRST_INSTALL = Duration.ofMinutes(4);

    @Test
    void firstStartInstallsOnTheVolumeAndServesThroughTheServiceAndARestartKeepsTheInstall(KubernetesClient admin,
            TestNamespace ns) throws Exception {
        enforceRestricted(admin, ns.name());
        try (SampleWorkload eltm = SampleWorkload.apply(admin, ns.name())) {
            Pod pod = eltm.awaitReady(FIRST_INSTALL);
            System.out.println("sample workload: " + SampleWorkload.POD + " Ready " + eltm.secondsToReady(pod)
                    + " s after its creation, first install included");

            assertThat(pod.getSpec().getSecurityContext().getRunAsUser()).isEqualTo(65532L);
            assertThat(pod.getSpec().getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(eltm.log()).contains("eltm-sample: first install of 8.4.1 into /data/iserver done",
                    "eltm-sample: /data/iserver running VERSION=8.4.1");
            assertThat(Files.readString(eltm.volume().resolve("iserver/VERSION")))
                    .as("the install tree is on the volume, not in the container").contains("VERSION=8.4.1");
            SampleWorkload.ExecResult processes = eltm.exec("show-mprocess");
            assertThat(processes.exit()).as(processes.err()).isZero();
            assertThat(processes.out()).contains("postgresql    running", "meta-service  running");

            assertThat(healthThroughService(eltm, "health-through-service")).contains("ELTM MaestroMetaService VERSION=8.4.1");

            String installedFiles = eltm.exec(INODES).out();
            long stopped = System.nanoTime();
            eltm.scale(0);
            assertThat(Files.readString(eltm.volume().resolve("iserver/VERSION"))).contains("VERSION=8.4.1");
            eltm.scale(1);
            eltm.awaitReady(Duration.ofMinutes(2));
            System.out.printf("sample workload: scale to zero and back to Ready without an upgrade: %.1f s%n",
                    (System.nanoTime() - stopped) / 1e9);

            assertThat(eltm.log()).as("the second start runs the install that is there")
                    .doesNotContain("first install").contains("eltm-sample: /data/iserver running VERSION=8.4.1");
            assertThat(eltm.exec(INODES).out())
                    .as("the same files, not a new install").isEqualTo(installedFiles);
        }
    }

    @Test
    void theShimExportedIntoTheWorkloadsImageUpgradesTheVolumeFromAJobAndThePodsServeTheNewRelease(
            KubernetesClient admin, TestNamespace ns) throws Exception {
        enforceRestricted(admin, ns.name());
        Path tarball = ReleaseKit.inUserCache().build(SampleReleases.b());
        try (SampleWorkload eltm = SampleWorkload.apply(admin, ns.name())) {
            eltm.awaitReady(FIRST_INSTALL);
            String preserved = eltm.exec(PRESERVED_CHECKSUMS).out();
            offer(eltm, tarball);

            long stopped = System.nanoTime();
            eltm.scale(0);
            // the Job as the operator makes it; the upgrade's start and verify run B in the Job before the pods do
            SampleWorkload.JobEnd upgrade = eltm.run(upgradeJob(eltm, "sales-8-4-2", tarball));
            eltm.scale(1);
            eltm.awaitReady(Duration.ofMinutes(2));
            System.out.printf("sample workload: scale to zero, upgrade Job, back to Ready on 8.4.2: %.1f s%n",
                    (System.nanoTime() - stopped) / 1e9);

            assertThat(upgrade.exitCode()).as(upgrade.log()).isZero();
            assertThat(upgrade.log()).contains("upgrade 8.4.1 → 8.4.2: Succeeded", "meta-service stopped");
            assertThat(Files.readString(eltm.volume().resolve("iserver/VERSION"))).contains("VERSION=8.4.2");
            assertThat(eltm.log()).contains("eltm-sample: /data/iserver running VERSION=8.4.2");
            assertThat(healthThroughService(eltm, "health-after-upgrade")).contains("ELTM MaestroMetaService VERSION=8.4.2");
            assertThat(eltm.exec(PRESERVED_CHECKSUMS).out()).as("preserved files byte for byte").isEqualTo(preserved);
            assertThat(preserved.lines()).hasSize(PreservedFiles.CONTENT.size() + 1);
        }
    }

    @Test
    void aMigrationThatFailsInTheJobRollsBackAndThePodsServeTheOldReleaseWithItsDatabase(KubernetesClient admin,
            TestNamespace ns) throws Exception {
        enforceRestricted(admin, ns.name());
        Path tarball = ReleaseKit.inUserCache().build(SampleReleases.failingMigration());
        try (SampleWorkload eltm = SampleWorkload.apply(admin, ns.name())) {
            eltm.awaitReady(FIRST_INSTALL);
            String preserved = eltm.exec(PRESERVED_CHECKSUMS).out();
            offer(eltm, tarball);

            eltm.scale(0);
            SampleWorkload.JobEnd upgrade = eltm.run(upgradeJob(eltm, "sales-8-5-0", tarball));
            String status = eltm.shimJob("status-after", "mstart-pgsql && " + STATUS + "; mstop-all");
            eltm.scale(1);
            eltm.awaitReady(Duration.ofMinutes(2));

            assertThat(upgrade.exitCode()).as(upgrade.log()).isEqualTo(4);
            assertThat(upgrade.log()).contains("upgrade 8.4.1 → 8.5.0: RolledBack");
            assertThat(status).contains("version    8.4.1", "schema     2");
            assertThat(eltm.log()).contains("eltm-sample: /data/iserver running VERSION=8.4.1");
            assertThat(healthThroughService(eltm, "after-rollback")).contains("ELTM MaestroMetaService VERSION=8.4.1");
            assertThat(eltm.exec(PRESERVED_CHECKSUMS).out()).as("preserved files byte for byte").isEqualTo(preserved);
        }
    }

    @Test
    void aJobKilledRightAfterTheSwapIsRecoveredByTheNextJobFromTheJournalOnTheVolume(KubernetesClient admin,
            TestNamespace ns) throws Exception {
        enforceRestricted(admin, ns.name());
        Path tarball = ReleaseKit.inUserCache().build(SampleReleases.b());
        try (SampleWorkload eltm = SampleWorkload.apply(admin, ns.name())) {
            eltm.awaitReady(FIRST_INSTALL);
            String preserved = eltm.exec(PRESERVED_CHECKSUMS).out();
            offer(eltm, tarball);
            eltm.scale(0);

            // the shim stops dead once the swap is done and its journal still says "running"; SIGKILL it there,
            // and the pod ends with PostgreSQL still running in it (killed with the container)
            String killed = eltm.shimJob("upgrade-killed", "mstart-pgsql && { ELTM_SHIM_HALT_AT=swap:after " + UPGRADE
                    + tarball.getFileName() + " --sha256 " + sha256(tarball) + " & shim=$!; "
                    + "while [ ! -e \"$ISERVER_HOME/transient/eltm-shim/halted\" ]; do sleep 0.2; done; "
                    + "kill -KILL $shim; echo \"killed the shim at swap:after\"; }");
            String recovered = eltm.shimJob("recover", "mstart-pgsql && { " + STATUS + "; echo \"status exited $?\"; }; "
                    + "mstop-all");
            eltm.scale(1);
            eltm.awaitReady(Duration.ofMinutes(2));

            assertThat(killed).as("killed with the swap done but not yet reported").contains("ok  stop",
                    "killed the shim at swap:after").doesNotContain("ok  swap", "Succeeded");
            assertThat(recovered).contains("found an interrupted upgrade 8.4.1 → 8.4.2", "status exited 0");
            recovered.lines().filter(l -> l.contains("found an interrupted")).forEach(l -> System.out.println("recovery: " + l));
            String version = Files.readString(eltm.volume().resolve("iserver/VERSION"));
            String running = version.lines().filter(l -> l.startsWith("VERSION=")).findFirst().orElseThrow();
            assertThat(recovered).as("one release, not a mix").contains("version    " + running.substring(8));
            assertThat(healthThroughService(eltm, "after-recovery")).contains("ELTM MaestroMetaService " + running);
            assertThat(eltm.exec(PRESERVED_CHECKSUMS).out()).as("preserved files byte for byte").isEqualTo(preserved);
        }
    }

    private static final String INODES = "stat -c %i \"$ISERVER_HOME/VERSION\" \"$ISERVER_HOME/server/pgsql/data/PG_VERSION\"";
    private static final String UPGRADE = "/eltm-shim/shim/eltm-shim upgrade /data/releases/";
    private static final String STATUS = "/eltm-shim/shim/eltm-shim status";

    /** The operator's upgrade Job for the workload as it runs now, the release read from the volume. */
    private static io.fabric8.kubernetes.api.model.batch.v1.Job upgradeJob(SampleWorkload eltm, String operation,
            Path tarball) throws Exception {
        WorkloadTarget target = new WorkloadTarget();
        target.setStatefulSet(SampleWorkload.NAME);
        target.setVolumeClaim(SampleWorkload.CLAIM);
        io.fabric8.kubernetes.api.model.batch.v1.Job job = UpgradeJobs.build(operation, UpgradeJobs.Purpose.UPGRADE,
                eltm.statefulSet(), target, System.getProperty("eltm.shim.image"),
                new UpgradeJobs.Release("/data/releases/" + tarball.getFileName(), sha256(tarball)));
        // images built here are imported, never pulled
        job.getSpec().getTemplate().getSpec().getInitContainers().forEach(c -> c.setImagePullPolicy("Never"));
        job.getSpec().getTemplate().getSpec().getContainers().forEach(c -> c.setImagePullPolicy("Never"));
        return job;
    }

    /** Puts the release where the Jobs read it, as an in-cluster artifact server would serve it. */
    private static void offer(SampleWorkload eltm, Path tarball) throws java.io.IOException {
        Path releases = Files.createDirectories(eltm.volume().resolve("releases"));
        Files.setPosixFilePermissions(Files.copy(tarball, releases.resolve(tarball.getFileName())),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--")); // the pods run as 65532
    }

    private static String healthThroughService(SampleWorkload eltm, String job) {
        return eltm.job(job, SampleWorkload.sampleImage("/usr/bin/curl", "-fsSk", "--max-time", "5",
                "https://" + eltm.service().getSpec().getClusterIP()
                        + ":8443/MaestroMetaDataProviderService/MaestroMetaService?wsdl"), false);
    }

    /** sha256 of every file the sample install was seeded with, and of its keystore, as the pod reads them. */
    private static final String PRESERVED_CHECKSUMS = "cd \"$ISERVER_HOME\" && sha256sum server/keystore.jks "
            + String.join(" ", new java.util.TreeSet<>(PreservedFiles.CONTENT.keySet()));

    private static String sha256(Path file) throws Exception {
        try (var in = Files.newInputStream(file)) {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            in.transferTo(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), digest));
            return java.util.HexFormat.of().formatHex(digest.digest());
        }
    }
}
