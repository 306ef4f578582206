package io.eltm.shim.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eltm.api.v1alpha1.EltmOperationStatus;
import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.api.v1alpha1.OperationStep;
import io.eltm.api.v1alpha1.OperationType;
import io.eltm.shim.engine.ShimPaths;
import io.eltm.shim.engine.SwapJournal;
import io.eltm.shim.kit.ReleaseKit;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The API server goes away in the middle of an upgrade: the agent finishes the upgrade anyway, keeps the
 * result, and writes it to the operation's status when the API server is back.
 */
@ExtendWith(KubeControlPlaneExtension.class)
class AgentApiOutageIT {

    @TempDir
    Path sandbox;

    private final ReleaseKit kit = ReleaseKit.inUserCache();

    @Test
    void finishesTheUpgradeWhileTheApiServerIsAwayAndReportsWhenItIsBack(KubernetesClient admin, KubeCluster cluster,
                                                                          TestNamespace ns) throws Exception {
        Path b = kit.build(SampleReleases.b());
        URI server = URI.create(admin.getConfiguration().getMasterUrl());
        try (SampleInstall install = SampleInstall.create(sandbox, kit.build(SampleReleases.a()));
             ReleaseServer releases = ReleaseServer.start();
             ApiServerProxy proxy = ApiServerProxy.to(server)) {
            HostFixture host = HostFixture.register(admin, cluster, ns);
            Path kubeconfig = proxy.kubeconfigVia(host.kubeconfig(), server, sandbox.resolve("agent.kubeconfig"));
            try (AgentProcess agent = AgentProcess.start(install, kubeconfig, HostFixture.HOST, ns.name(), Map.of(),
                    "agent.log")) {
                String uid = host.createOperation("upgrade-842", OperationType.UPGRADE, releases.serve(b),
                        HostFixture.sha256(b), "8.4.2").getMetadata().getUid();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> host.operation("upgrade-842").getStatus(),
                                s -> s != null && s.getPhase() == OperationPhase.Running);

                proxy.cut();
                SwapJournal journal = new SwapJournal(new ShimPaths(install.installDir()));
                await().atMost(Duration.ofSeconds(120))
                        .until(() -> journal.lastOperation().filter(l -> uid.equals(l.id())).isPresent());

                assertThat(journal.lastOperation().orElseThrow().result()).isEqualTo("Succeeded");
                assertThat(install.healthResponse().body()).contains("VERSION=8.4.2");
                assertThat(host.operation("upgrade-842").getStatus().getPhase()).as("nothing written while away")
                        .isEqualTo(OperationPhase.Running);
                assertThat(agent.isAlive()).isTrue();

                Instant back = Instant.now();
                proxy.restore();
                EltmOperationStatus status = await().atMost(Duration.ofSeconds(60))
                        .until(() -> host.operation("upgrade-842").getStatus(), OperationStatuses::terminal);

                assertThat(status.getPhase()).as(agent.log()).isEqualTo(OperationPhase.Succeeded);
                assertThat(status.getSteps()).extracting(OperationStep::getName).hasSize(11).endsWith("verify",
                        "finish");
                assertThat(status.getResult().getVersion()).isEqualTo("8.4.2");
                // The host may have had no report yet when the proxy was cut: its status is then still empty.
                await().atMost(Duration.ofSeconds(30)).until(() -> host.host().getStatus(),
                        s -> s != null && s.getLastHeartbeat() != null
                                && Instant.parse(s.getLastHeartbeat()).isAfter(back));
                assertThat(agent.log()).contains("API server reachable again");
            }
        }
    }
}
