package io.eltm.e2e;

import io.eltm.testing.kube.ClusterMode;
import io.eltm.testing.kube.KubeBinaries;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The README's demo: the whole product on this machine, as a platform team and a user would run it.
 * On the one-node cluster (started by {@code bash .ci/run --demo}), the operator is installed with the
 * Helm chart and runs as a pod under the chart's ServiceAccount; a sample ELTM host is registered with
 * {@code host add} and its agent started; then release 8.4.1 and 8.4.2 are applied with kubectl while
 * {@code kubectl get eltm} is shown as it changes. The release and the demo's namespaces are removed at
 * the end; the node is stopped by {@code .ci/run}.
 */
public final class ProductDemo {

    private static final String OPERATOR_NAMESPACE = "eltm-system";
    private static final String HOSTS_NAMESPACE = "eltm-demo";

    private ProductDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path kubeconfig = ClusterMode.nodeKubeconfigFromEnvironment().orElseThrow(() -> new IllegalStateException(
                "the demo runs on the one-node cluster: run it with bash .ci/run --demo, which starts the node and sets "
                        + ClusterMode.NODE_KUBECONFIG_ENV));
        Path kubectlBinary = KubeBinaries.fromCache().kubectl();
        Path dir = Files.createTempDirectory("eltm-product-demo-");
        try (KubernetesClient admin = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
            admin.resource(new NamespaceBuilder().withNewMetadata().withName(OPERATOR_NAMESPACE)
                    .addToLabels("pod-security.kubernetes.io/enforce", "restricted").endMetadata().build()).serverSideApply();
            admin.resource(new NamespaceBuilder().withNewMetadata().withName(HOSTS_NAMESPACE).endMetadata().build())
                    .serverSideApply();
            say("helm install eltm charts/eltm-operator -n " + OPERATOR_NAMESPACE
                    + " --wait   (CRDs, agent policy, RBAC, the operator's Deployment; Pod Security restricted)");
            io.eltm.e2e.chart.KeptResources.adoptKeptResources(admin, OPERATOR_NAMESPACE);
            try (OperatorPod operator = OperatorPod.install(admin, kubeconfig, OPERATOR_NAMESPACE, Map.of())) {
                Kubectl kubectl = new Kubectl(kubectlBinary, kubeconfig);
                System.out.print(kubectl.run("get", "pods", "-n", OPERATOR_NAMESPACE).output());
                say("sample host etl-01 with PostgreSQL and its meta-service; eltm-shim host add etl-01 --namespace "
                        + HOSTS_NAMESPACE + "; eltm-shim agent on it");
                try (Product product = new Product(admin, HOSTS_NAMESPACE, kubeconfig, kubectlBinary, dir, operator)) {
                    say("kubectl apply: EltmInstallation sales at 8.4.1 (what the host runs)");
                    product.apply("8.4.1");
                    watch(product, "8.4.1");
                    say("kubectl apply: EltmInstallation sales at 8.4.2");
                    product.apply("8.4.2");
                    watch(product, "8.4.2");
                    say("kubectl get eltmop -n " + HOSTS_NAMESPACE);
                    System.out.print(product.kubectl.run("get", "eltmop", "-n", HOSTS_NAMESPACE).output());
                    say("the host's meta-service answers: " + product.install.healthResponse().body().lines()
                            .filter(l -> l.contains("VERSION=")).findFirst().orElse("").strip());
                    say("helm uninstall eltm -n " + OPERATOR_NAMESPACE + " (the CRDs and the installation stay)");
                }
            } finally {
                admin.namespaces().withName(HOSTS_NAMESPACE).delete();
                admin.namespaces().withName(OPERATOR_NAMESPACE).delete();
            }
        } finally {
            io.eltm.shim.engine.Trees.delete(dir);
        }
        say("the demo's release, namespaces and host removed");
    }

    /** Prints `kubectl get eltm` whenever it changes, until the installation is Ready on {@code version}. */
    private static void watch(Product product, String version) throws Exception {
        String last = "";
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            String table = product.kubectl.run("get", "eltm", "-n", HOSTS_NAMESPACE).output();
            if (!withoutAge(table).equals(withoutAge(last))) { // like `kubectl get -w`: a line per change
                System.out.print(last.isEmpty() ? table : table.lines().skip(1).reduce("", (a, b) -> a + b + "\n"));
                last = table;
            }
            var installation = product.installation();
            if (installation != null && installation.getStatus() != null && Product.settled("Ready", version)
                    .test(installation)) {
                return;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
        }
        throw new IllegalStateException("sales did not become Ready on " + version + " within 3 minutes");
    }

    private static String withoutAge(String table) {
        return table.lines().map(l -> l.replaceAll("\\s+\\S+$", "")).reduce("", String::concat);
    }

    private static void say(String line) {
        System.out.println("== " + line);
    }
}
