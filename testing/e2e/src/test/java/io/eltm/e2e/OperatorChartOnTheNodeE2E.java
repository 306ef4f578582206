package io.eltm.e2e;

import static io.eltm.e2e.RestrictedPods.enforceRestricted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.e2e.chart.AuditLog;
import io.eltm.e2e.chart.ChartCopy;
import io.eltm.e2e.chart.GrantedRules;
import io.eltm.e2e.chart.KeptResources;
import io.eltm.e2e.chart.OperatorChart;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.testing.kube.ClusterMode;
import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform team's install: the operator from the Helm chart, as a pod on the real node in a namespace
 * enforcing Pod Security "restricted", under the chart's ServiceAccount only; a host registered and its
 * agent running; upgrades, a failure and a pause applied with kubectl. The API server's audit log then
 * shows that the chart grants exactly what the operator uses.
 */
class OperatorChartOnTheNodeE2E {

    @RegisterExtension
    static final KubeControlPlaneExtension NODE = KubeControlPlaneExtension.node();

    @TempDir
    Path dir;

    @Test
    void theChartsOperatorUpgradesAHostUsingEveryRightItIsGrantedAndNoOther(KubeCluster cluster,
            KubernetesClient admin, TestNamespace ns, Path kubeconfig) throws Exception {
        Path audit = auditLog();
        String hosts = operatorAndHostsNamespaces(admin, ns.name());
        try (OperatorPod operator = OperatorPod.install(admin, kubeconfig, ns.name(), Map.of());
             Product product = new Product(admin, hosts, kubeconfig, cluster.kubectl(), dir, operator)) {
            KeptResources.assertInstalledAsCommitted(admin);
            Pod pod = operator.pod();
            assertThat(pod.getSpec().getServiceAccountName()).isEqualTo(OperatorPod.NAME);
            assertThat(pod.getSpec().getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            await("the pod holds the leader Lease").atMost(Duration.ofMinutes(1)).until(() ->
                    pod.getMetadata().getName().equals(leaseHolder(admin, ns.name())));

            product.apply("8.4.1");
            product.awaitInstallation(Product.settled("Ready", "8.4.1"));
            product.apply("8.4.2");
            EltmInstallation upgraded = product.awaitInstallation(Product.settled("Ready", "8.4.2"));
            assertThat(upgraded.getStatus().getGitSha()).isEqualTo(SampleReleases.b().gitSha());
            assertThat(product.install.installDir().resolve("VERSION")).content()
                    .isEqualTo(SampleReleases.b().versionFile());
            assertThat(product.install.healthResponse().body()).contains("VERSION=8.4.2");

            product.apply("8.5.0");
            EltmInstallation failed = product.awaitInstallation(Product.settled("Degraded", "8.4.2")
                    .and(i -> "8.5.0".equals(i.getStatus().getLastUpgrade().getTo())));
            assertThat(failed.getStatus().getLastUpgrade().getResult().name()).isEqualTo("RolledBack");
            assertThat(product.install.healthResponse().body()).contains("VERSION=8.4.2");

            product.apply("8.4.2", true);
            product.awaitInstallation(Product.settled("Paused", "8.4.2"));
            assertThat(product.operations()).hasSize(2);

            assertThat(operator.metrics())
                    .contains("eltm_upgrades_total{result=\"Succeeded\",type=\"upgrade\"} 1.0")
                    .contains("eltm_upgrades_total{result=\"RolledBack\",type=\"upgrade\"} 1.0");
            assertThat(admin.v1().events().inNamespace(hosts).list().getItems())
                    .anyMatch(e -> "sales".equals(e.getInvolvedObject().getName()));

            operator.killAndRestart();
            await("the new pod takes the leader Lease").atMost(Duration.ofMinutes(2)).until(() ->
                    operator.pod().getMetadata().getName().equals(leaseHolder(admin, ns.name())));
            product.awaitInstallation(Product.settled("Paused", "8.4.2"));

            assertExactlyTheGrantedRightsWereUsed(admin, new AuditLog(audit), ns.name());

            ChartCopy withNewField = ChartCopy.withNewInstallationField(OperatorChart.committed(), dir.resolve("chart-next"),
                    "maintenanceNote");
            withNewField.chart().upgrade(kubeconfig, ns.name(), Map.of("image.pullPolicy", "Never"));
            ChartCopy.assertFieldIsKept(admin, hosts, "maintenanceNote");

            OperatorChart.uninstall(kubeconfig, ns.name());
            operator.uninstalled();
            operator.awaitNoPods();
            await("the operator's Deployment is gone").atMost(Duration.ofMinutes(1)).until(() ->
                    admin.apps().deployments().inNamespace(ns.name()).withName(OperatorPod.NAME).get() == null);
            assertThat(admin.rbac().clusterRoles().withName(OperatorPod.NAME).get()).isNull();
            assertThat(admin.apiextensions().v1().customResourceDefinitions().withName("eltminstallations.eltm.io").get())
                    .as("helm.sh/resource-policy: keep").isNotNull();
            assertThat(admin.genericKubernetesResources("eltm.io/v1alpha1", "EltmInstallation").inNamespace(hosts)
                    .withName("sales").get()).as("the user's installation survives helm uninstall").isNotNull();
        } finally {
            deleteAndAwaitGone(admin, hosts);
        }
    }

    @Test
    void withWatchNamespacesTheOperatorNeedsNoClusterWideRight(KubeCluster cluster, KubernetesClient admin,
            TestNamespace ns, Path kubeconfig) throws Exception {
        Path audit = auditLog();
        String hosts = operatorAndHostsNamespaces(admin, ns.name());
        try (OperatorPod operator = OperatorPod.install(admin, kubeconfig, ns.name(), Map.of("watchNamespaces[0]", hosts));
             Product product = new Product(admin, hosts, kubeconfig, cluster.kubectl(), dir, operator)) {
            assertThat(admin.rbac().clusterRoles().withName(OperatorPod.NAME).get()).isNull();
            assertThat(admin.rbac().roles().inNamespace(hosts).withName(OperatorPod.NAME).get()).isNotNull();

            product.apply("8.4.1");
            product.awaitInstallation(Product.settled("Ready", "8.4.1"));
            product.apply("8.4.2");
            product.awaitInstallation(Product.settled("Ready", "8.4.2"));

            List<AuditLog.Request> requests = new AuditLog(audit).requestsBy(
                    "system:serviceaccount:" + ns.name() + ":" + OperatorPod.NAME);
            assertThat(requests).isNotEmpty().allMatch(AuditLog.Request::allowed);
            assertThat(requests).filteredOn(r -> !r.apiGroup().equals("authorization.k8s.io"))
                    .as("every request names a namespace it was given a Role in")
                    .allMatch(r -> r.namespace().equals(hosts) || r.namespace().equals(ns.name()));
        } finally {
            deleteAndAwaitGone(admin, hosts);
        }
    }

    private static void assertExactlyTheGrantedRightsWereUsed(KubernetesClient admin, AuditLog audit, String namespace) {
        String user = "system:serviceaccount:" + namespace + ":" + OperatorPod.NAME;
        GrantedRules granted = GrantedRules.of(admin.rbac().clusterRoles().withName(OperatorPod.NAME).get().getRules(), "",
                GrantedRules.of(admin.rbac().roles().inNamespace(namespace).withName(OperatorPod.NAME + "-leader-election")
                        .get().getRules(), namespace, null));
        List<AuditLog.Request> requests = await("the audit log has the operator's requests").atMost(Duration.ofSeconds(30))
                .until(() -> audit.requestsBy(user), r -> !r.isEmpty());

        assertThat(requests).as("every request of " + user).allMatch(AuditLog.Request::allowed);
        // Access reviews are granted to every authenticated user by the default role system:basic-user.
        assertThat(requests).filteredOn(r -> !r.apiGroup().equals("authorization.k8s.io"))
                .as("requests no rule of the chart covers").allMatch(granted::cover);
        StringBuilder table = new StringBuilder("rule granted by the chart -> requests the audit log records\n");
        for (GrantedRules.Grant grant : granted.grants()) {
            long used = requests.stream().filter(grant::usedBy).count();
            table.append(String.format("  %-75s %5d%n", grant, used));
        }
        System.out.print(table);
        // The one right granted but never used: JOSDK's LeaderElectionManager will not start unless a
        // SelfSubjectRulesReview shows create, update and get on leases; Fabric8's LeaseLock renews by patch.
        assertThat(granted.grants()).as(table.toString())
                .filteredOn(grant -> !(grant.resource().equals("leases") && grant.verb().equals("update")))
                .allMatch(grant -> requests.stream().anyMatch(grant::usedBy));
    }

    /** The node API server's audit log; the scenario is skipped, saying why, when the node writes none. */
    private static Path auditLog() {
        Path audit = ClusterMode.nodeAuditLogFromEnvironment().orElse(null);
        assumeThat(audit).as("the RBAC measurement reads the node API server's audit log: start the node with"
                + " --audit-log-out FILE and set " + ClusterMode.NODE_AUDIT_LOG_ENV + " (bash .ci/run does)").isNotNull();
        return audit;
    }

    /**
     * The operator's namespace {@code operatorNamespace}, made to enforce "restricted", and a new namespace for
     * the host and its installation (returned); the kept cluster-wide objects adopted by this scenario's release.
     */
    private static String operatorAndHostsNamespaces(KubernetesClient admin, String operatorNamespace) {
        enforceRestricted(admin, operatorNamespace);
        String hosts = operatorNamespace + "-hosts";
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(hosts).endMetadata().build())
                .create();
        KeptResources.adoptKeptResources(admin, operatorNamespace);
        return hosts;
    }

    /** The next scenario's operator must not find this one's installation in a namespace still terminating. */
    private static void deleteAndAwaitGone(KubernetesClient admin, String namespace) {
        admin.namespaces().withName(namespace).delete();
        await("namespace " + namespace + " deleted").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> admin.namespaces().withName(namespace).get() == null);
    }

    private static String leaseHolder(KubernetesClient admin, String namespace) {
        var lease = admin.leases().inNamespace(namespace).withName("eltm-operator").get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }
}
