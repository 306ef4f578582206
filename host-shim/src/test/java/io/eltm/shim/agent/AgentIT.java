package io.eltm.shim.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eltm.api.v1alpha1.EltmHostStatus;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.EltmOperationStatus;
import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.api.v1alpha1.OperationStep;
import io.eltm.api.v1alpha1.OperationType;
import io.eltm.api.v1alpha1.Release;
import io.eltm.api.v1alpha1.StepState;
import io.eltm.shim.kit.ReleaseKit;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.shim.kit.ServicePids;
import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The agent as a real process, holding only the Role {@code host add} grants: it takes an
 * {@code EltmOperation} labelled for its host from a real API server, runs it through the engine on a
 * real sample install, and writes steps and result back; it reports its install and renews its Lease.
 */
@ExtendWith(KubeControlPlaneExtension.class)
class AgentIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private final ReleaseKit kit = ReleaseKit.inUserCache();

    @TempDir
    Path sandbox;

    private SampleInstall install;
    private ReleaseServer releases;
    private HostFixture host;
    private AgentProcess agent;

    @BeforeEach
    void installAndRegister(KubernetesClient admin, KubeCluster cluster, TestNamespace ns) {
        install = SampleInstall.create(sandbox, kit.build(SampleReleases.a()));
        releases = ReleaseServer.start();
        host = HostFixture.register(admin, cluster, ns);
        agent = AgentProcess.start(install, host.kubeconfig(), HostFixture.HOST, ns.name(), Map.of(), "agent.log");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (agent != null) {
            agent.close();
        }
        if (releases != null) {
            releases.close();
        }
        if (install != null) {
            install.close();
        }
    }

    @Test
    void upgradesTheInstallWhenAnOperationForItsHostAppears(KubernetesClient admin) throws Exception {
        Path b = kit.build(SampleReleases.b());

        host.createOperation("upgrade-842", OperationType.UPGRADE, releases.serve(b), HostFixture.sha256(b), "8.4.2");

        EltmOperationStatus status = awaitTerminal("upgrade-842");
        assertThat(status.getPhase()).as(agent.log()).isEqualTo(OperationPhase.Succeeded);
        assertThat(status.getSteps()).extracting(OperationStep::getName).containsExactly("fetch", "stage", "preflight",
                "stop", "swap", "start-postgres", "snapshot", "migrate", "start", "verify", "finish");
        assertThat(status.getSteps()).extracting(OperationStep::getState)
                .allMatch(s -> s == StepState.DONE || s == StepState.SKIPPED);
        assertThat(status.getError()).isNull();
        assertThat(status.getDowntimeMillis()).isPositive();
        assertThat(Instant.parse(status.getStartedAt())).isBeforeOrEqualTo(Instant.parse(status.getFinishedAt()));
        assertThat(status.getResult().getVersion()).isEqualTo("8.4.2");
        assertThat(status.getResult().getHealthy()).isTrue();
        assertThat(status.getResult().getSchema().getCurrent()).isEqualTo("4");
        assertThat(Files.readString(install.installDir().resolve("VERSION"))).contains("8.4.2");
        assertThat(install.healthResponse().body()).contains("VERSION=8.4.2");

        Instant afterUpgrade = Instant.now().minusSeconds(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            EltmHostStatus reported = host.host().getStatus();
            assertThat(reported).isNotNull();
            assertThat(Instant.parse(reported.getLastHeartbeat())).isAfter(afterUpgrade);
            assertThat(reported.getAgentVersion()).isNotBlank();
            assertThat(reported.getInstalls()).singleElement().satisfies(i -> {
                assertThat(i.getInstallDir()).isEqualTo(install.installDir().toString());
                assertThat(i.getVersion()).isEqualTo("8.4.2");
                assertThat(i.getHealthy()).isTrue();
                assertThat(i.getOperationInProgress()).isFalse();
            });
        });
        Lease lease = admin.leases().inNamespace(host.namespace()).withName("eltm-agent-h1").get();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(AgentIdentity.holder(install.installDir().toString()));
        assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(40);
        assertThat(Duration.between(lease.getSpec().getRenewTime().toInstant(), Instant.now()))
                .isLessThan(Duration.ofSeconds(20));
        assertThat(agent.log()).as("the agent's token, as it wrote it back").doesNotContain(HostAddIT.token(host.kubeconfig()));
        assertThat(agent.terminate()).as("exit on SIGTERM").isIn(0, 143);
    }

    @Test
    void reportsRolledBackWithTheEnginesMessageWhenAMigrationFails() throws Exception {
        Path failing = kit.build(SampleReleases.failingMigration());

        host.createOperation("upgrade-850", OperationType.UPGRADE, releases.serve(failing),
                HostFixture.sha256(failing), "8.5.0");

        EltmOperationStatus status = awaitTerminal("upgrade-850");
        assertThat(status.getPhase()).as(agent.log()).isEqualTo(OperationPhase.RolledBack);
        assertThat(status.getError().getCode()).isEqualTo(4);
        assertThat(status.getError().getMessage()).contains("migrate");
        assertThat(status.getSteps()).filteredOn(s -> s.getName().equals("migrate"))
                .singleElement().extracting(OperationStep::getState).isIn(StepState.FAILED, StepState.UNDONE);
        assertThat(status.getResult().getVersion()).isEqualTo("8.4.1");
        assertThat(status.getResult().getSchema().getCurrent()).isEqualTo("2");
        assertThat(install.healthResponse().body()).contains("VERSION=8.4.1");
    }

    @Test
    void refusesABadChecksumWithoutStoppingServices() throws Exception {
        Path b = kit.build(SampleReleases.b());
        ServicePids before = install.servicePids();

        host.createOperation("upgrade-bad-sum", OperationType.UPGRADE, releases.serve(b), "0".repeat(64), "8.4.2");

        EltmOperationStatus status = awaitTerminal("upgrade-bad-sum");
        assertThat(status.getPhase()).as(agent.log()).isEqualTo(OperationPhase.Refused);
        assertThat(status.getError().getCode()).isEqualTo(3);
        assertThat(status.getError().getMessage()).contains("0".repeat(64));
        assertThat(status.getDowntimeMillis()).isNull();
        assertThat(install.servicePids()).isEqualTo(before);
        assertThat(install.healthResponse().body()).contains("VERSION=8.4.1");
    }

    @Test
    void refusesATarballWhoseVersionIsNotTheOperationsTarget() throws Exception {
        Path b = kit.build(SampleReleases.b());
        ServicePids before = install.servicePids();

        // the right digest of the wrong release: 8.4.2's tarball behind an operation for 8.5.0
        host.createOperation("upgrade-850", OperationType.UPGRADE, releases.serve(b), HostFixture.sha256(b), "8.5.0");

        EltmOperationStatus status = awaitTerminal("upgrade-850");
        assertThat(status.getPhase()).as(agent.log()).isEqualTo(OperationPhase.Refused);
        assertThat(status.getError().getCode()).isEqualTo(3);
        assertThat(status.getError().getMessage()).contains("VERSION 8.4.2", "targets 8.5.0", "nothing was changed");
        assertThat(status.getSteps()).as("the engine never started").isEmpty();
        assertThat(install.servicePids()).isEqualTo(before);
        assertThat(install.healthResponse().body()).contains("VERSION=8.4.1");
        assertThat(install.installDir().resolve("transient/eltm-shim/agent/downloads")).isEmptyDirectory();
    }

    @Test
    void verifiesTheTarballAgainstThePublishedSha256File() throws Exception {
        Path b = kit.build(SampleReleases.b());
        String url = releases.serve(b);
        String goodSums = releases.serveText("/sums/good/" + b.getFileName() + ".sha256",
                HostFixture.sha256(b) + "  " + b.getFileName() + "\n");
        String badSums = releases.serveText("/sums/bad/" + b.getFileName() + ".sha256",
                "ab".repeat(32) + "  other.tar.gz\n" + "cd".repeat(32) + "  " + b.getFileName() + "\n");
        ServicePids before = install.servicePids();

        host.createOperation("check-good", OperationType.CHECK, new Release(url, null, goodSums, true), "8.4.2");
        host.createOperation("upgrade-bad", OperationType.UPGRADE, new Release(url, null, badSums, true), "8.4.2");

        assertThat(awaitTerminal("check-good").getPhase()).as(agent.log()).isEqualTo(OperationPhase.Succeeded);
        EltmOperationStatus bad = awaitTerminal("upgrade-bad");
        assertThat(bad.getPhase()).as(agent.log()).isEqualTo(OperationPhase.Refused);
        assertThat(bad.getError().getMessage()).contains("sha256 mismatch", "cd".repeat(32));
        assertThat(install.servicePids()).isEqualTo(before);
        assertThat(install.healthResponse().body()).contains("VERSION=8.4.1");
    }

    @Test
    void takesTheNextOperationWhenTheRunningOneIsDeletedAndReplacedUnderItsName(KubernetesClient admin)
            throws Exception {
        Path b = kit.build(SampleReleases.b());
        String url = releases.serve(b);
        EltmOperation first = host.createOperation("upgrade-842", OperationType.UPGRADE, url, HostFixture.sha256(b),
                "8.4.2");
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(() -> host.operation("upgrade-842")
                .getStatus(), s -> s != null && s.getPhase() == OperationPhase.Running);

        admin.resource(first).withTimeout(30, java.util.concurrent.TimeUnit.SECONDS).delete();
        EltmOperation second = host.createOperation("upgrade-842", OperationType.CHECK, url, HostFixture.sha256(b),
                "8.4.2");

        EltmOperationStatus status = awaitTerminal("upgrade-842");
        assertThat(host.operation("upgrade-842").getMetadata().getUid()).isEqualTo(second.getMetadata().getUid());
        // the check's own status: none of the deleted upgrade's steps or result landed on the new object
        assertThat(status.getSteps()).as(agent.log()).isEmpty();
        assertThat(status.getDowntimeMillis()).isNull();
        assertThat(agent.log()).contains("uid " + first.getMetadata().getUid() + ") was deleted")
                .contains("taking the next operation");
        // the deleted upgrade itself ran to its end on the host (the engine is never interrupted)
        await().atMost(DEADLINE).untilAsserted(() ->
                assertThat(install.healthResponse().body()).contains("VERSION=8.4.2"));
        assertThat(agent.isAlive()).isTrue();
    }

    @Test
    void checksAReleaseWithoutChangingAnything() throws Exception {
        Path b = kit.build(SampleReleases.b());
        ServicePids before = install.servicePids();

        host.createOperation("check-842", OperationType.CHECK, releases.serve(b), HostFixture.sha256(b), "8.4.2");

        EltmOperationStatus status = awaitTerminal("check-842");
        assertThat(status.getPhase()).as(agent.log()).isEqualTo(OperationPhase.Succeeded);
        assertThat(status.getError()).isNull();
        assertThat(status.getResult().getVersion()).isEqualTo("8.4.1");
        assertThat(install.servicePids()).isEqualTo(before);
        assertThat(install.healthResponse().body()).contains("VERSION=8.4.1");
    }

    @Test
    void finishesTheRunningOperationBeforeStoppingOnSigterm() throws Exception {
        Path b = kit.build(SampleReleases.b());
        host.createOperation("upgrade-842", OperationType.UPGRADE, releases.serve(b), HostFixture.sha256(b), "8.4.2");
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(() -> host.operation("upgrade-842")
                .getStatus(), s -> s != null && s.getPhase() == OperationPhase.Running);

        int exit = agent.terminate();

        assertThat(exit).as(agent.log()).isIn(0, 143);
        EltmOperationStatus status = host.operation("upgrade-842").getStatus();
        assertThat(status.getPhase()).as("written before the agent exited:%n%s", agent.log())
                .isEqualTo(OperationPhase.Succeeded);
        assertThat(install.healthResponse().body()).contains("VERSION=8.4.2");
        assertThat(agent.log()).contains("stopping after the running operation ends");
    }

    private EltmOperationStatus awaitTerminal(String name) {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> host.operation(name).getStatus(),
                        s -> s != null && OperationStatuses.terminal(s));
    }
}
