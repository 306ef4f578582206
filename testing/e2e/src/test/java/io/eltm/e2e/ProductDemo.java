package io.eltm.e2e;

import io.eltm.testing.kube.LocalControlPlane;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The README's demo: the whole product on this machine — a local Kubernetes control plane, the
 * operator, a sample ELTM host registered with {@code host add} and its agent — then release 8.4.1
 * and 8.4.2 applied with kubectl while {@code kubectl get eltm} is shown as it changes. Everything is
 * removed at the end. Run by {@code bash .ci/run --demo}.
 */
public final class ProductDemo {

    private ProductDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("eltm-product-demo-");
        say("starting a local Kubernetes control plane (etcd + kube-apiserver built from source)");
        try (LocalControlPlane cluster = LocalControlPlane.start();
             KubernetesClient admin = new KubernetesClientBuilder()
                     .withConfig(Config.fromKubeconfig(Files.readString(cluster.kubeconfig()))).build()) {
            say("ready in " + cluster.startupTime().toMillis() + " ms; KUBECONFIG=" + cluster.kubeconfig());
            admin.resource(new NamespaceBuilder().withNewMetadata().withName("eltm-demo").endMetadata().build())
                    .serverSideApply();
            say("kubectl apply -f crds/; starting the operator; sample host etl-01 with PostgreSQL and its meta-service;"
                    + " eltm-shim host add etl-01; eltm-shim agent on it");
            try (Product product = new Product(admin, "eltm-demo", cluster.kubeconfig(), cluster.binaries().kubectl(),
                    dir)) {
                say("kubectl apply: EltmInstallation sales at 8.4.1 (what the host runs)");
                product.apply("8.4.1");
                watch(product, "8.4.1");
                say("kubectl apply: EltmInstallation sales at 8.4.2");
                product.apply("8.4.2");
                watch(product, "8.4.2");
                say("kubectl get eltmop -n eltm-demo");
                System.out.print(product.kubectl.run("get", "eltmop", "-n", "eltm-demo").output());
                say("the host's meta-service answers: " + product.install.healthResponse().body().lines()
                        .filter(l -> l.contains("VERSION=")).findFirst().orElse("").strip());
            }
        } finally {
            io.eltm.shim.engine.Trees.delete(dir);
        }
        say("everything stopped and removed");
    }

    /** Prints `kubectl get eltm` whenever it changes, until the installation is Ready on {@code version}. */
    private static void watch(Product product, String version) throws Exception {
        String last = "";
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            String table = product.kubectl.run("get", "eltm", "-n", "eltm-demo").output();
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
