package io.eltm.e2e;

import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a user does with kubectl, against the whole product running for real (see {@link Product}). */
@ExtendWith(KubeControlPlaneExtension.class)
class UpgradeThroughKubernetesE2E {

    @TempDir
    Path dir;

    @Test
    void kubectlApplyOfANewVersionUpgradesTheHost(KubernetesClient admin, TestNamespace ns, Path kubeconfig,
                                                 KubeCluster cluster) throws Exception {
        try (Product product = new Product(admin, ns.name(), kubeconfig, cluster, dir)) {
            product.apply("8.4.1");
            product.awaitInstallation(Product.settled("Ready", "8.4.1"));
            assertReadyForKubectl(product);

            product.apply("8.4.2");

            EltmInstallation done = product.awaitInstallation(Product.settled("Ready", "8.4.2"));
            assertReadyForKubectl(product);
            assertThat(done.getStatus().getGitSha()).isEqualTo(SampleReleases.b().gitSha());
            assertThat(done.getStatus().getBuiltAt()).isEqualTo("2026-11-01T10:15:00Z");
            assertThat(done.getStatus().getMigrations().getCurrent()).isEqualTo("4");
            assertThat(done.getStatus().getLastUpgrade().getTo()).isEqualTo("8.4.2");
            assertThat(done.getStatus().getLastUpgrade().getDowntimeMillis()).isPositive();
            assertThat(product.kubectl.run("get", "eltm", "-n", ns.name()).output()).contains("8.4.2")
                    .contains(SampleReleases.b().gitSha().substring(0, 7));
            assertThat(product.install.installDir().resolve("VERSION")).content()
                    .isEqualTo(SampleReleases.b().versionFile());
            assertThat(product.install.healthResponse().body()).contains("VERSION=8.4.2");
            assertThat(product.operations()).hasSize(1);
            assertThat(product.operatorMetrics()).contains("eltm_upgrades_total{result=\"Succeeded\",type=\"upgrade\"} 1.0")
                    .contains("eltm_upgrade_downtime_seconds_count");
        }
    }

    @Test
    void aFailingMigrationLeavesTheInstallationDegradedOnTheOldReleaseAndIsNotRetried(
            KubernetesClient admin, TestNamespace ns, Path kubeconfig, KubeCluster cluster) throws Exception {
        try (Product product = new Product(admin, ns.name(), kubeconfig, cluster, dir)) {
            product.apply("8.5.0");

            EltmInstallation degraded = product.awaitInstallation(Product.settled("Degraded", "8.4.1")
                    .and(i -> i.getStatus().getLastUpgrade() != null));
            assertThat(degraded.getStatus().getLastUpgrade().getResult().name()).isEqualTo("RolledBack");
            assertThat(condition(degraded, "Degraded").getStatus()).isEqualTo("True");
            assertThat(condition(degraded, "Degraded").getMessage()).contains("migrate");
            assertThat(product.install.healthResponse().body()).contains("VERSION=8.4.1");
            // several reconciles and agent reports later, still the one operation
            await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(20))
                    .until(() -> product.operations().size() == 1);
        }
    }

    @Test
    void anOperatorKilledMidUpgradeFollowsTheSameOperationAfterRestart(KubernetesClient admin, TestNamespace ns,
                                                                       Path kubeconfig, KubeCluster cluster)
            throws Exception {
        try (Product product = new Product(admin, ns.name(), kubeconfig, cluster, dir)) {
            product.apply("8.4.1");
            product.awaitInstallation(Product.settled("Ready", "8.4.1"));
            product.apply("8.4.2");
            await().atMost(Duration.ofSeconds(60)).until(() -> product.operations().size() == 1);

            product.killAndRestartOperator();

            product.awaitInstallation(Product.settled("Ready", "8.4.2"));
            assertThat(product.operations()).hasSize(1);
            assertThat(product.installation().getStatus().getLastUpgrade().getOperation())
                    .isEqualTo(product.operations().get(0).getMetadata().getName());
        }
    }

    @Test
    void aStoppedAgentsExpiredLeaseDisconnectsTheHostUntilItIsBack(KubernetesClient admin, TestNamespace ns,
                                                                 Path kubeconfig, KubeCluster cluster) throws Exception {
        try (Product product = new Product(admin, ns.name(), kubeconfig, cluster, dir)) {
            product.apply("8.4.1");
            product.awaitInstallation(Product.settled("Ready", "8.4.1"));

            product.stopAgent();

            EltmInstallation away = product.awaitInstallation(i -> "HostDisconnected".equals(
                    i.getStatus().getPhase().name()), false);
            assertThat(condition(away, "HostConnected").getStatus()).isEqualTo("False");
            assertThat(condition(away, "HostConnected").getMessage()).contains("last");

            product.startAgent();

            EltmInstallation back = product.awaitInstallation(Product.settled("Ready", "8.4.1"));
            assertThat(condition(back, "HostConnected").getStatus()).isEqualTo("True");
        }
    }

    private static void assertReadyForKubectl(Product product) throws Exception {
        Kubectl.Result waited = product.kubectl.run("wait", "--for=condition=Ready", "--timeout=60s", "-n",
                product.namespace, "eltm/sales");
        assertThat(waited.exit()).as(waited.output()).isZero();
    }

    private static Condition condition(EltmInstallation i, String type) {
        return i.getStatus().getConditions().stream().filter(c -> c.getType().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no condition " + type + " in " + i.getStatus().getConditions()));
    }
}
