package io.eltm.shim.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eltm.shim.kit.ReleaseKit;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One agent per host, its identity taken from its credential, and its kubeconfig kept private: real agent
 * processes against a real API server.
 */
@ExtendWith(KubeControlPlaneExtension.class)
class AgentIdentityIT {

    @TempDir
    Path sandbox;

    private final ReleaseKit kit = ReleaseKit.inUserCache();

    @Test
    void aSecondAgentForTheSameHostIsRefusedNamingTheLiveHolder(KubernetesClient admin, KubeCluster cluster,
                                                               TestNamespace ns) throws Exception {
        Path a = kit.build(SampleReleases.a());
        try (SampleInstall one = SampleInstall.create(sandbox.resolve("one"), a);
             SampleInstall other = SampleInstall.create(sandbox.resolve("other"), a)) {
            HostFixture host = HostFixture.register(admin, cluster, ns);
            // no --host, no --namespace: both come from the credential (ServiceAccount eltm-agent-h1)
            try (AgentProcess first = AgentProcess.start(one, host.kubeconfig(), List.of(), Map.of(), "first.log")) {
                String holder = AgentIdentity.holder(one.installDir().toString());
                await().atMost(Duration.ofSeconds(60)).until(() -> holder(admin, ns), holder::equals);

                // the same credential for another install (as on another machine): the Lease is live, held by the first
                try (AgentProcess second = AgentProcess.start(other, host.kubeconfig(), List.of(), Map.of(),
                        "second.log")) {
                    assertThat(second.awaitExit()).as(second.log()).isEqualTo(3);
                    assertThat(second.log()).contains("held by another agent, " + holder)
                            .doesNotContain("starting operation");
                }
                // a second process for the very same install on this machine
                try (AgentProcess twin = AgentProcess.start(one, host.kubeconfig(), List.of(), Map.of(), "twin.log")) {
                    assertThat(twin.awaitExit()).as(twin.log()).isEqualTo(3);
                    assertThat(twin.log()).contains("another eltm-shim agent already runs for install "
                            + one.installDir());
                }
                assertThat(first.isAlive()).as(first.log()).isTrue();
                assertThat(holder(admin, ns)).isEqualTo(holder);
                assertThat(first.log()).contains("holding Lease " + ns.name() + "/eltm-agent-h1");
            }
        }
    }

    @Test
    void refusesAHostFlagTheCredentialDoesNotBelongTo(KubernetesClient admin, KubeCluster cluster, TestNamespace ns)
            throws Exception {
        try (SampleInstall install = SampleInstall.create(sandbox, kit.build(SampleReleases.a()))) {
            HostFixture host = HostFixture.register(admin, cluster, ns);

            try (AgentProcess agent = AgentProcess.start(install, host.kubeconfig(), "h2", ns.name(), Map.of(),
                    "agent.log")) {
                assertThat(agent.awaitExit()).as(agent.log()).isEqualTo(3);
                assertThat(agent.log()).contains("--host h2 does not match", "host h1's agent",
                        "system:serviceaccount:" + ns.name() + ":eltm-agent-h1");
            }
            assertThat(admin.leases().inNamespace(ns.name()).withName("eltm-agent-h2").get()).isNull();
            assertThat(admin.leases().inNamespace(ns.name()).withName("eltm-agent-h1").get()).isNull();
        }
    }

    @Test
    void refusesAKubeconfigOthersCanRead(KubernetesClient admin, KubeCluster cluster, TestNamespace ns)
            throws Exception {
        try (SampleInstall install = SampleInstall.create(sandbox, kit.build(SampleReleases.a()))) {
            HostFixture host = HostFixture.register(admin, cluster, ns);
            Path open = sandbox.resolve("open.kubeconfig");
            Files.copy(host.kubeconfig(), open);
            Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));

            try (AgentProcess agent = AgentProcess.start(install, open, List.of(), Map.of(), "agent.log")) {
                assertThat(agent.awaitExit()).as(agent.log()).isEqualTo(3);
                assertThat(agent.log()).contains("kubeconfig " + open, "open to others (rw-r--r--)", "chmod 600");
            }
            assertThat(admin.leases().inNamespace(ns.name()).withName("eltm-agent-h1").get())
                    .as("refused before it reached the cluster").isNull();
        }
    }

    private static String holder(KubernetesClient admin, TestNamespace ns) {
        Lease lease = admin.leases().inNamespace(ns.name()).withName("eltm-agent-h1").get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }
}
