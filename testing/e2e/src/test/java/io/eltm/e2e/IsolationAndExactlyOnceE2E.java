package io.eltm.e2e;

import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.testing.kube.AdmissionBlock;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10 with every part real (operator and agent processes, a sample install, the API server): a host report that
 * lags an operation's end starts nothing and flaps nothing; an installation deleted mid-upgrade lets the upgrade
 * finish on the host, then its operations go.
 */
@ExtendWith(KubeControlPlaneExtension.class)
class IsolationAndExactlyOnceE2E {

    @TempDir
    Path dir;

    @Test
    void aHostReportLaggingTheOperationsEndStartsNoSecondOperationAndDoesNotFlapReady(KubernetesClient admin,
            TestNamespace ns, Path kubeconfig, KubeCluster cluster) throws Exception {
        try (Product product = new Product(admin, ns.name(), kubeconfig, cluster, dir)) {
            product.apply("8.4.1");
            product.awaitInstallation(Product.settled("Ready", "8.4.1"));
            EltmInstallation done;
            // The agent's EltmHost reports are refused from now on: the last one says 8.4.1, read before the upgrade.
            try (AdmissionBlock lag = AdmissionBlock.deny(admin, "lag-" + ns.name(), ns.name(), "eltm.io",
                    "eltmhosts/status", "\"UPDATE\"", "request.userInfo.username == '" + product.agentUser() + "'",
                    "test: the agent's host report lags")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> reportRefused(product));
                product.apply("8.4.2");

                done = product.awaitInstallation(Product.settled("Ready", "8.4.2"));
                assertThat(product.hostReport().getVersion()).isEqualTo("8.4.1");
                Condition ready = condition(done, "Ready");
                long downtime = done.getStatus().getLastUpgrade().getDowntimeMillis();
                assertThat(downtime).isPositive();
                // several reconciles (lease renewals, resyncs) with the stale 8.4.1 report
                await().during(Duration.ofSeconds(25)).atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
                    EltmInstallation i = product.installation();
                    assertThat(product.operations()).hasSize(1);
                    assertThat(i.getStatus().getPhase().name()).isEqualTo("Ready");
                    assertThat(i.getStatus().getVersion()).isEqualTo("8.4.2");
                    assertThat(condition(i, "Ready").getStatus()).isEqualTo("True");
                    assertThat(condition(i, "Ready").getLastTransitionTime()).isEqualTo(ready.getLastTransitionTime());
                    assertThat(i.getStatus().getLastUpgrade().getDowntimeMillis()).isEqualTo(downtime);
                });
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> "8.4.2".equals(product.hostReport().getVersion()));
            EltmInstallation after = product.awaitInstallation(Product.settled("Ready", "8.4.2"));
            assertThat(product.operations()).hasSize(1);
            assertThat(after.getStatus().getLastUpgrade().getOperationUid())
                    .isEqualTo(product.operations().get(0).getMetadata().getUid());
            assertThat(product.install.healthResponse().body()).contains("VERSION=8.4.2");
        }
    }

    @Test
    void anInstallationDeletedMidUpgradeLetsTheUpgradeFinishOnTheHostThenItsOperationsGo(KubernetesClient admin,
            TestNamespace ns, Path kubeconfig, KubeCluster cluster) throws Exception {
        try (Product product = new Product(admin, ns.name(), kubeconfig, cluster, dir)) {
            product.apply("8.4.1");
            product.awaitInstallation(Product.settled("Ready", "8.4.1"));
            product.apply("8.4.2");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() ->
                    product.operations().stream().anyMatch(op -> running(op)));

            Kubectl.Result deleted = product.kubectl.run("delete", "eltm", "sales", "-n", ns.name(), "--wait=false");
            assertThat(deleted.exit()).as(deleted.output()).isZero();

            // never an installation gone while its operation still runs on the host
            AtomicReference<String> seenGoneWhileRunning = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100)).until(() -> {
                List<EltmOperation> ops = product.operations();
                boolean gone = product.installation() == null;
                if (gone && ops.stream().anyMatch(IsolationAndExactlyOnceE2E::running)) {
                    seenGoneWhileRunning.set(ops.toString());
                }
                return gone && ops.isEmpty();
            });
            assertThat(seenGoneWhileRunning.get()).isNull();
            assertThat(product.install.installDir().resolve("VERSION")).content()
                    .isEqualTo(SampleReleases.b().versionFile());
            assertThat(product.install.healthResponse().body()).contains("VERSION=8.4.2");
        }
    }

    private static boolean running(EltmOperation op) {
        return op.getStatus() != null && op.getStatus().getPhase() == OperationPhase.Running;
    }

    private static boolean reportRefused(Product product) {
        String before = product.hostReport() == null ? null : product.hostReport().getObservedAt();
        return before != null && product.agentLog().contains("test: the agent's host report lags");
    }

    private static Condition condition(EltmInstallation i, String type) {
        return i.getStatus().getConditions().stream().filter(c -> c.getType().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no condition " + type + " in " + i.getStatus().getConditions()));
    }
}
