package io.eltm.e2e;

import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.testing.kube.LocalControlPlane;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * How long the cluster side adds around an upgrade, with the whole product running for real
 * ({@link Product}): from {@code kubectl apply} to the agent starting the operation (its
 * {@code status.startedAt}), and from the agent finishing it ({@code status.finishedAt}) to the
 * installation seen Ready. Polled every 20 ms. Prints each round and the medians.
 */
public final class LatencyBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Long> toStart = new ArrayList<>();
        List<Long> toReady = new ArrayList<>();
        try (LocalControlPlane cluster = LocalControlPlane.start();
             KubernetesClient admin = new KubernetesClientBuilder()
                     .withConfig(Config.fromKubeconfig(Files.readString(cluster.kubeconfig()))).build()) {
            for (int round = 1; round <= rounds; round++) {
                String ns = "latency-" + round;
                admin.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
                Path dir = Files.createTempDirectory("eltm-latency-");
                try (Product product = new Product(admin, ns, cluster.kubeconfig(), cluster.binaries().kubectl(), dir)) {
                    product.apply("8.4.1");
                    product.awaitInstallation(Product.settled("Ready", "8.4.1"));
                    Instant applied = Instant.now();
                    product.apply("8.4.2");
                    EltmOperation started = poll(() -> product.operations().stream()
                            .filter(o -> o.getStatus() != null && o.getStatus().getStartedAt() != null).findFirst()
                            .orElse(null));
                    Instant agentStarted = Instant.parse(started.getStatus().getStartedAt());
                    EltmOperation finished = poll(() -> product.operations().stream()
                            .filter(o -> o.getStatus() != null && o.getStatus().getFinishedAt() != null).findFirst()
                            .orElse(null));
                    Instant agentFinished = Instant.parse(finished.getStatus().getFinishedAt());
                    poll(() -> {
                        var i = product.installation();
                        return Product.settled("Ready", "8.4.2").test(i) ? i : null;
                    });
                    Instant ready = Instant.now();
                    toStart.add(Duration.between(applied, agentStarted).toMillis());
                    toReady.add(Duration.between(agentFinished, ready).toMillis());
                    System.out.printf("round %d: apply → agent started %d ms; agent finished → Ready %d ms%n", round,
                            toStart.get(toStart.size() - 1), toReady.get(toReady.size() - 1));
                } finally {
                    io.eltm.shim.engine.Trees.delete(dir);
                }
            }
        }
        System.out.printf("%nmedian of %d rounds: kubectl apply → agent starts the operation %d ms (goal < 1000);"
                + " agent finishes → Ready in status %d ms (goal < 1000)%n", rounds, median(toStart), median(toReady));
    }

    private interface Probe<T> {
        T get() throws Exception;
    }

    private static <T> T poll(Probe<T> probe) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new IllegalStateException("not reached within 3 minutes");
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
