package io.eltm.shim.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eltm.api.v1alpha1.EltmOperationStatus;
import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.api.v1alpha1.OperationType;
import io.eltm.shim.kit.ReleaseKit;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;
import io.fabric8.kubernetes.client.KubernetesClient;

import io.eltm.shim.engine.ShimPaths;
import io.eltm.shim.engine.SwapJournal;
import io.eltm.shim.status.LastOperation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The agent SIGKILLed in the middle of an upgrade (stopped dead after {@code migrate} by the
 * ELTM_SHIM_HALT_AT hook): the next agent finishes that same operation from the install's journal,
 * exactly once, and reports it.
 */
@ExtendWith(KubeControlPlaneExtension.class)
class AgentRestartIT {

    @TempDir
    Path sandbox;

    private final ReleaseKit kit = ReleaseKit.inUserCache();

    @Test
    void finishesTheSameOperationExactlyOnceAfterTheAgentIsKilled(KubernetesClient admin, KubeCluster cluster,
                                                                   TestNamespace ns) throws Exception {
        Path b = kit.build(SampleReleases.b());
        try (SampleInstall install = SampleInstall.create(sandbox, kit.build(SampleReleases.a()));
             ReleaseServer releases = ReleaseServer.start()) {
            HostFixture host = HostFixture.register(admin, cluster, ns);
            String[] fetchStarted = new String[1];
            String uid = killedAfterMigrate(install, host, ns, releases, b, first -> {
                assertThat(host.operation("upgrade-842").getStatus().getPhase()).isEqualTo(OperationPhase.Running);
                fetchStarted[0] = await().atMost(Duration.ofSeconds(30)).until(
                        () -> fetchStartedAt(host.operation("upgrade-842").getStatus()), s -> s != null);
            });
            String fetchStartedAt = fetchStarted[0];

            try (AgentProcess second = AgentProcess.start(install, host.kubeconfig(), HostFixture.HOST, ns.name(),
                    Map.of(), "agent-2.log")) {
                EltmOperationStatus status = await().atMost(Duration.ofSeconds(120))
                        .until(() -> host.operation("upgrade-842").getStatus(), OperationStatuses::terminal);

                // killed before verify: the engine's recovery reverts it
                assertThat(status.getPhase()).as(second.log()).isEqualTo(OperationPhase.RolledBack);
                assertThat(status.getError().getCode()).isEqualTo(4);
                assertThat(status.getResult().getVersion()).isEqualTo("8.4.1");
                assertThat(status.getResult().getSchema().getCurrent()).isEqualTo("2");
                assertThat(status.getResult().getSchema().getPending()).isEmpty();
                assertThat(install.healthResponse().body()).contains("VERSION=8.4.1");
                assertThat(second.log()).contains("already ran here").doesNotContain("starting operation");
                assertThat(fetchStartedAt(status)).as("the same run's fetch, not a second one").isEqualTo(fetchStartedAt);
                LastOperation last = new SwapJournal(new ShimPaths(install.installDir())).lastOperation().orElseThrow();
                assertThat(last.id()).isEqualTo(uid);
                assertThat(last.result()).isEqualTo("RolledBack");
                assertThat(install.installDir().resolve("transient/eltm-shim/journal.json")).doesNotExist();
            }
        }
    }

    @Test
    void doesNotRunAgainAnOperationThatACommandRunByHandRecoveredAfterTheCrash(KubernetesClient admin,
                                                                             KubeCluster cluster, TestNamespace ns)
            throws Exception {
        Path b = kit.build(SampleReleases.b());
        try (SampleInstall install = SampleInstall.create(sandbox, kit.build(SampleReleases.a()));
             ReleaseServer releases = ReleaseServer.start()) {
            HostFixture host = HostFixture.register(admin, cluster, ns);
            String uid = killedAfterMigrate(install, host, ns, releases, b, first -> { });

            // while the agent is down, someone upgrades by hand: the command recovers (reverts) the agent's
            // operation first, then runs its own, which becomes the journal's last operation
            ShimRun byHand = ShimRun.of(sandbox, Map.of("HOME", install.homeDir().toString()), "upgrade",
                    b.toString(), "--sha256", HostFixture.sha256(b), "--health-timeout", "60",
                    "--env-file", install.envFile().toString());
            // its own upgrade may succeed or roll back (a slow health probe); either way it recovered the agent's
            // operation and replaced it as the journal's last one, which is what this test is about
            assertThat(byHand.exit()).as(byHand.output()).isIn(0, 4);
            assertThat(byHand.output()).contains("found an interrupted upgrade");
            LastOperation manual = new SwapJournal(new ShimPaths(install.installDir())).lastOperation().orElseThrow();
            assertThat(manual.id()).isNotEqualTo(uid);

            try (AgentProcess second = AgentProcess.start(install, host.kubeconfig(), HostFixture.HOST, ns.name(),
                    Map.of(), "agent-2.log")) {
                EltmOperationStatus status = await().atMost(Duration.ofSeconds(120))
                        .until(() -> host.operation("upgrade-842").getStatus(), OperationStatuses::terminal);

                assertThat(status.getPhase()).as(second.log()).isEqualTo(OperationPhase.Failed);
                assertThat(status.getError().getMessage()).contains("not running it again", manual.id());
                assertThat(second.log()).doesNotContain("starting operation");
                assertThat(status.getResult().getVersion()).isEqualTo(byHand.exit() == 0 ? "8.4.2" : "8.4.1");
                LastOperation last = new SwapJournal(new ShimPaths(install.installDir())).lastOperation().orElseThrow();
                assertThat(last.id()).as("the engine ran nothing more").isEqualTo(manual.id());
                assertThat(last.finishedAt()).isEqualTo(manual.finishedAt());
            }
        }
    }

    /**
     * Runs upgrade-842 under an agent that stops dead after {@code migrate}, lets {@code whileHalted} look, then
     * SIGKILLs the agent; returns the operation's uid.
     */
    private static String killedAfterMigrate(SampleInstall install, HostFixture host, TestNamespace ns,
                                             ReleaseServer releases, Path tarball,
                                             java.util.function.Consumer<AgentProcess> whileHalted) throws Exception {
        Path halted = install.installDir().resolve("transient/eltm-shim/halted");
        try (AgentProcess first = AgentProcess.start(install, host.kubeconfig(), HostFixture.HOST, ns.name(),
                Map.of("ELTM_SHIM_HALT_AT", "migrate:after"), "agent-1.log")) {
            String uid = host.createOperation("upgrade-842", OperationType.UPGRADE, releases.serve(tarball),
                    HostFixture.sha256(tarball), "8.4.2").getMetadata().getUid();
            await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(halted) || !first.isAlive());
            assertThat(first.isAlive()).as(first.log()).isTrue();
            whileHalted.accept(first);
            first.kill();
            return uid;
        }
    }

    private static String fetchStartedAt(EltmOperationStatus status) {
        return status == null ? null : status.getSteps().stream().filter(s -> s.getName().equals("fetch"))
                .map(s -> s.getStartedAt()).findFirst().orElse(null);
    }
}
