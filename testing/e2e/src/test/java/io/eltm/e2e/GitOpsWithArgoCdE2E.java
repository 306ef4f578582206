package io.eltm.e2e;

import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GitOps with a real Argo CD (see {@link ArgoCd}): the versions live in a Git repository, an Application syncs
 * them, the operator and a real agent upgrade the sample host, and the shipped health check makes Argo CD
 * report what the operator reports. Each scenario also saves the installation at each health it reaches as a
 * sample ({@link GitOpsScenario#sample}), the test data of {@code health_test.yaml}.
 */
@ExtendWith(KubeControlPlaneExtension.class)
class GitOpsWithArgoCdE2E {

    @TempDir
    static Path argocdDir;

    private static ArgoCd argocd;

    @TempDir
    Path dir;

    @BeforeAll
    static void startArgoCd(KubernetesClient admin, KubeCluster cluster, Path kubeconfig) throws Exception {
        argocd = ArgoCd.start(admin, cluster, kubeconfig, argocdDir);
    }

    @AfterAll
    static void stopArgoCd() {
        if (argocd != null) {
            argocd.close();
        }
    }

    @Test
    void aVersionCommittedToGitUpgradesTheHostAndTheApplicationTellsTheTruthWhileStayingSynced(
            KubernetesClient admin, TestNamespace ns, Path kubeconfig, KubeCluster cluster) throws Exception {
        try (Product product = new Product(admin, ns.name(), kubeconfig, cluster, dir);
             GitOpsScenario gitops = GitOpsScenario.syncedAt("8.4.1", product, argocd, dir, "sales-upgrade")) {
            String first = gitops.firstCommit();

            // Argo CD must not call a spec Healthy before the operator has looked at it (argo-cd#23578)
            product.killOperator();
            String upgrade = gitops.commit("8.4.2", false, "sales: 8.4.2");
            ArgoCdApplication unobserved = gitops.awaitApplication(upgrade, GitOpsScenario.synced("Progressing"));
            assertThat(GitOpsScenario.health(unobserved).message()).contains("generation 2").contains("sales");
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(15))
                    .until(gitops::read, app -> "Progressing".equals(GitOpsScenario.health(app).status()));
            assertThat(gitops.sample("progressing-not-observed")).isEqualTo(GitOpsScenario.health(unobserved));

            product.startOperator();
            product.awaitInstallation(i -> "Upgrading".equals(i.getStatus().getPhase().name()));
            assertThat(gitops.sample("progressing-upgrading").status()).isEqualTo("Progressing");
            gitops.awaitApplication(upgrade, GitOpsScenario.synced("Healthy"));
            product.awaitInstallation(Product.settled("Ready", "8.4.2"));
            assertThat(product.install.installDir().resolve("VERSION")).content()
                    .isEqualTo(SampleReleases.b().versionFile());
            assertThat(gitops.sample("healthy")).extracting(ArgoCdHealthCheck.Health::status).isEqualTo("Healthy");
            // the operator writing status all along never put the Application out of sync
            List<GitOpsScenario.Observation> upgradeSeen = gitops.timelineSinceSynced(upgrade);
            assertThat(gitops.driftAfterSync()).isEmpty();
            assertThat(upgradeSeen).extracting(GitOpsScenario.Observation::health).filteredOn(h -> h != null
                    && h.status().equals("Progressing") && !h.message().equals(GitOpsScenario.health(unobserved).message()))
                    .as("Argo CD showed the upgrade itself as Progressing: %s", upgradeSeen).isNotEmpty();
            assertThat(upgradeSeen.get(upgradeSeen.size() - 1).health().status()).isEqualTo("Healthy");

            String paused = gitops.commit("8.4.2", true, "sales: pause upgrades");
            gitops.awaitApplication(paused, GitOpsScenario.synced("Suspended"));
            assertThat(gitops.sample("suspended-paused").status()).isEqualTo("Suspended");

            String resumed = gitops.git.revert(paused);
            ArgoCdApplication end = gitops.awaitApplication(resumed, GitOpsScenario.synced("Healthy"));
            assertThat(gitops.driftAfterSync()).isEmpty();
            // one sync per commit: nothing the operator wrote made Argo CD sync again (no fight)
            assertThat(end.history()).extracting(h -> h.get("revision")).containsExactly(first, upgrade, paused, resumed);
            assertThat(product.operations()).hasSize(1);
        }
    }

    @Test
    void aReleaseThatFailsItsMigrationShowsDegradedUntilTheCommitIsReverted(
            KubernetesClient admin, TestNamespace ns, Path kubeconfig, KubeCluster cluster) throws Exception {
        try (Product product = new Product(admin, ns.name(), kubeconfig, cluster, dir);
             GitOpsScenario gitops = GitOpsScenario.syncedAt("8.4.1", product, argocd, dir, "sales-rollback")) {
            String first = gitops.firstCommit();

            String failing = gitops.commit("8.5.0", false, "sales: 8.5.0");
            ArgoCdApplication degraded = gitops.awaitApplication(failing, GitOpsScenario.synced("Degraded"));
            EltmInstallation rolledBack = product.installation();
            assertThat(rolledBack.getStatus().getLastUpgrade().getResult().name()).isEqualTo("RolledBack");
            assertThat(GitOpsScenario.health(degraded).message()).contains("migrate")
                    .isEqualTo(condition(rolledBack, "Degraded"));
            assertThat(product.install.healthResponse().body()).contains("VERSION=8.4.1");
            assertThat(gitops.sample("degraded-rolled-back").status()).isEqualTo("Degraded");

            String reverted = gitops.git.revert(failing);
            gitops.awaitApplication(reverted, GitOpsScenario.synced("Healthy"));
            assertThat(product.installation().getStatus().getVersion()).isEqualTo("8.4.1");
            assertThat(product.operations()).hasSize(1);

            String downgrade = gitops.commit("8.4.0", false, "sales: 8.4.0");
            ArgoCdApplication refused = gitops.awaitApplication(downgrade, GitOpsScenario.synced("Degraded"));
            assertThat(GitOpsScenario.health(refused).message()).contains("8.4.0");
            assertThat(gitops.sample("degraded-downgrade-refused").status()).isEqualTo("Degraded");
            String back = gitops.git.revert(downgrade);
            ArgoCdApplication healthy = gitops.awaitApplication(back, GitOpsScenario.synced("Healthy"));
            assertThat(healthy.history()).extracting(h -> h.get("revision"))
                    .containsExactly(first, failing, reverted, downgrade, back);
            assertThat(gitops.driftAfterSync()).isEmpty();

            product.stopAgent();
            ArgoCdApplication away = gitops.awaitApplication(back, GitOpsScenario.synced("Degraded"));
            assertThat(GitOpsScenario.health(away).message()).isEqualTo(condition(product.installation(), "HostConnected"));
            assertThat(gitops.sample("degraded-host-disconnected").status()).isEqualTo("Degraded");
            product.startAgent();
            gitops.awaitApplication(back, GitOpsScenario.synced("Healthy"));

            Kubectl.Result deleting = product.kubectl.run("delete", "eltm", "sales", "-n", ns.name(),
                    "--cascade=foreground", "--wait=false");
            assertThat(deleting.exit()).as(deleting.output()).isZero();
            // no garbage collector runs on the bare control plane: the object stays "being deleted"
            assertThat(gitops.sample("progressing-pending-deletion"))
                    .isEqualTo(new ArgoCdHealthCheck.Health("Progressing", "Pending deletion"));
        }
    }

    private static String condition(EltmInstallation i, String type) {
        return i.getStatus().getConditions().stream().filter(c -> c.getType().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no condition " + type + " in " + i.getStatus().getConditions()))
                .getMessage();
    }
}
