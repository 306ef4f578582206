package io.eltm.operator.runtime;

import io.eltm.operator.metrics.UpgradeMetrics;
import io.eltm.operator.reconcile.EltmInstallationReconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * {@code java -jar eltm-operator.jar}: connects with the current kubeconfig or, in a pod, the
 * in-cluster service account; with {@code ELTM_OPERATOR_NAMESPACE} set, only the replica holding the
 * Lease {@code eltm-operator} there reconciles (leader election). With {@code ELTM_OPERATOR_WATCH_NAMESPACES}
 * (comma-separated) it watches only those namespaces, so namespaced Roles there are all it needs (the Helm
 * chart's {@code watchNamespaces}); otherwise every namespace. Health endpoints and Prometheus metrics on
 * {@code ELTM_OPERATOR_HEALTH_PORT} (default 8080).
 */
public final class OperatorMain {

    private static final Logger LOG = LoggerFactory.getLogger(OperatorMain.class);

    private OperatorMain() {
    }

    public static void main(String[] args) throws IOException {
        KubernetesClient client = new KubernetesClientBuilder().build();
        String leaseNamespace = System.getenv("ELTM_OPERATOR_NAMESPACE");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Operator operator = new Operator(o -> {
            o.withKubernetesClient(client);
            o.withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
            if (leaseNamespace != null && !leaseNamespace.isBlank()) {
                o.withLeaderElectionConfiguration(new LeaderElectionConfiguration("eltm-operator", leaseNamespace));
            }
        });
        Set<String> watched = WatchedNamespaces.parse(System.getenv("ELTM_OPERATOR_WATCH_NAMESPACES"));
        operator.register(new EltmInstallationReconciler(Clock.systemUTC(), new UpgradeMetrics(registry)),
                o -> o.settingNamespaces(watched));
        operator.installShutdownHook(Duration.ofSeconds(10));
        int port = Integer.parseInt(System.getenv().getOrDefault("ELTM_OPERATOR_HEALTH_PORT", "8080"));
        HealthEndpoints health = HealthEndpoints.start(operator, registry, port);
        operator.start();
        LOG.info("eltm-operator started against {}; watching {}; health on port {}; leader election {}",
                client.getMasterUrl(), WatchedNamespaces.describe(watched), health.port(),
                leaseNamespace == null ? "off" : "in namespace " + leaseNamespace);
    }
}
