package io.eltm.operator.bench;

import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmInstallationSpec;
import io.eltm.api.v1alpha1.HostTarget;
import io.eltm.api.v1alpha1.Release;
import io.eltm.api.v1alpha1.Target;
import io.eltm.operator.metrics.UpgradeMetrics;
import io.eltm.operator.reconcile.EltmInstallationReconciler;
import io.eltm.testing.kube.LocalControlPlane;
import io.eltm.testing.kube.Manifests;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The operator with a fleet: N installations on N simulated hosts (a test double writing their
 * EltmHost reports and Leases) on the local control plane. Prints the time from the operator's start
 * to every installation reconciled (Ready: a full resync of the fleet), the operator JVM's heap after
 * it, and its CPU time. Run with a heap cap to prove the budget: see docs/performance.md.
 */
public final class FleetBenchmark {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (LocalControlPlane cluster = LocalControlPlane.start();
             KubernetesClient admin = new KubernetesClientBuilder()
                     .withConfig(Config.fromKubeconfig(Files.readString(cluster.kubeconfig()))).build()) {
            Manifests.apply(admin, Path.of(System.getProperty("eltm.crds.dir", "crds")));
            String ns = "fleet";
            admin.resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
            Instant t0 = Instant.now();
            SimulatedHostsForBenchmark hosts = new SimulatedHostsForBenchmark(admin, ns);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (Future<?> f : IntStream.range(0, n).mapToObj(i -> pool.submit(() -> {
                String host = String.format("etl-%04d", i);
                hosts.report(host, "8.4.2");
                admin.resource(installation(ns, "inst-" + host, host)).create();
            })).toList()) {
                f.get();
            }
            pool.shutdown();
            System.out.printf("created %d hosts (EltmHost + Lease) and %d installations in %d ms%n", n, n,
                    Duration.between(t0, Instant.now()).toMillis());

            long cpu0 = cpuNanos();
            Instant start = Instant.now();
            Operator first = operator(admin, io.javaoperatorsdk.operator.api.monitoring.Metrics.NOOP);
            long ready;
            do {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
                ready = admin.resources(EltmInstallation.class).inNamespace(ns).list().getItems().stream()
                        .filter(i -> i.getStatus() != null && i.getStatus().getPhase() != null
                                && i.getStatus().getPhase().name().equals("Ready")).count();
            } while (ready < n && Duration.between(start, Instant.now()).toMinutes() < 5);
            Duration cold = Duration.between(start, Instant.now());
            long coldCpu = cpuNanos() - cpu0;
            first.stop();

            // A full resync of a settled fleet: a fresh operator reconciles every installation once; nothing changed.
            java.util.Set<String> reconciled = java.util.concurrent.ConcurrentHashMap.newKeySet();
            io.javaoperatorsdk.operator.api.monitoring.Metrics counting = new io.javaoperatorsdk.operator.api.monitoring.Metrics() {
                @Override
                public void reconciliationExecutionFinished(io.fabric8.kubernetes.api.model.HasMetadata resource,
                                                            java.util.Map<String, Object> metadata) {
                    reconciled.add(resource.getMetadata().getName());
                }
            };
            long cpu1 = cpuNanos();
            Instant resyncStart = Instant.now();
            Operator second = operator(admin, counting);
            while (reconciled.size() < n && Duration.between(resyncStart, Instant.now()).toMinutes() < 5) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            Duration resync = Duration.between(resyncStart, Instant.now());
            long resyncCpu = cpuNanos() - cpu1;
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("%nfleet of %d installations on %d simulated hosts (one JVM: operator + benchmark client)%n",
                    n, n);
            System.out.printf("  first start: all %d reconciled to Ready      %8.2f s, CPU %.2f s (status, conditions,"
                    + " events written for each)%n", ready, cold.toMillis() / 1000.0, coldCpu / 1e9);
            System.out.printf("  full resync of the settled fleet           %8.2f s, CPU %.2f s (goal < 10 s; %d reconciled)%n",
                    resync.toMillis() / 1000.0, resyncCpu / 1e9, reconciled.size());
            System.out.printf("  heap used after GC                         %8.1f MiB (goal < 256 MiB; run with -Xmx %d MiB)%n",
                    heap / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
            System.out.printf("  peak heap                                  %8.1f MiB%n", peak / 1048576.0);
            second.stop();
        }
    }

    private static Operator operator(KubernetesClient admin, io.javaoperatorsdk.operator.api.monitoring.Metrics metrics) {
        Operator operator = new Operator(o -> o.withKubernetesClient(admin).withCloseClientOnStop(false)
                .withMetrics(metrics));
        operator.register(new EltmInstallationReconciler(Clock.systemUTC(), new UpgradeMetrics(new SimpleMeterRegistry())));
        operator.start();
        return operator;
    }

    private static EltmInstallation installation(String ns, String name, String host) {
        EltmInstallation i = new EltmInstallation();
        i.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(ns).build());
        EltmInstallationSpec spec = new EltmInstallationSpec();
        spec.setVersion("8.4.2");
        spec.setRelease(new Release("https://releases.example/eltm-portable-{version}.tar.gz", null));
        Target target = new Target();
        HostTarget h = new HostTarget();
        h.setName(host);
        target.setHost(h);
        spec.setTarget(target);
        i.setSpec(spec);
        return i;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
