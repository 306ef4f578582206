package io.eltm.e2e;

import static org.awaitility.Awaitility.await;

import io.eltm.e2e.chart.OperatorChart;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The operator installed with the Helm chart into {@code namespace} on the node: a Deployment whose pod runs
 * the image built here under the chart's ServiceAccount. {@link #close()} uninstalls the release.
 */
final class OperatorPod implements RunningOperator {

    static final String NAME = OperatorChart.RELEASE + "-eltm-operator";

    private final KubernetesClient admin;
    private final Path kubeconfig;
    private final String namespace;
    private String pod;
    private boolean installed;

    private OperatorPod(KubernetesClient admin, Path kubeconfig, String namespace) {
        this.admin = admin;
        this.kubeconfig = kubeconfig;
        this.namespace = namespace;
    }

    /** {@code helm install} of the committed chart, the image never pulled (it was imported into the node). */
    static OperatorPod install(KubernetesClient admin, Path kubeconfig, String namespace, Map<String, Object> values) {
        OperatorPod operator = new OperatorPod(admin, kubeconfig, namespace);
        Map<String, Object> all = new java.util.HashMap<>(Map.of("image.pullPolicy", "Never"));
        all.putAll(values);
        operator.installed = true;
        try {
            OperatorChart.committed().install(kubeconfig, namespace, all);
            operator.pod = operator.awaitReadyPod(null);
        } catch (RuntimeException e) {
            // a failed install still leaves a release (and cluster-wide roles) behind: removed, then reported
            try {
                operator.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return operator;
    }

    String namespace() {
        return namespace;
    }

    /** The pod running now. */
    Pod pod() {
        return admin.pods().inNamespace(namespace).withName(pod).get();
    }

    @Override
    public boolean isAlive() {
        Pod current = pod();
        return current != null && current.getStatus().getContainerStatuses().stream()
                .allMatch(c -> c.getRestartCount() == 0 && c.getState().getTerminated() == null);
    }

    @Override
    public String log() {
        return admin.pods().inNamespace(namespace).withName(pod).getLog();
    }

    /** Through the metrics Service, by the API server's service proxy, as an in-cluster scraper reaches it. */
    @Override
    public String metrics() {
        return admin.raw("/api/v1/namespaces/" + namespace + "/services/" + NAME + "-metrics:8080/proxy/metrics");
    }

    @Override
    public void killAndRestart() {
        String killed = pod;
        admin.pods().inNamespace(namespace).withName(killed).withGracePeriod(0).delete();
        pod = awaitReadyPod(killed);
    }

    /** Lets {@code helm uninstall} be the scenario's own step; close does nothing after it. */
    void uninstalled() {
        installed = false;
    }

    /** Uninstalls, and waits until the operator's pods are gone: none may act on the next scenario's objects. */
    @Override
    public void close() {
        if (installed) {
            installed = false;
            OperatorChart.uninstall(kubeconfig, namespace);
        }
        awaitNoPods();
    }

    void awaitNoPods() {
        await("the operator's pods in " + namespace + " gone").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> admin.pods().inNamespace(namespace).withLabel("app.kubernetes.io/name", "eltm-operator")
                        .list().getItems().isEmpty());
    }

    private String awaitReadyPod(String notThisOne) {
        return await("a Ready operator pod in " + namespace).atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> readyPods().stream().filter(p -> !p.equals(notThisOne)).findFirst().orElse(null),
                        p -> p != null);
    }

    private List<String> readyPods() {
        return admin.pods().inNamespace(namespace).withLabel("app.kubernetes.io/name", "eltm-operator").list()
                .getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null && p.getStatus().getConditions() != null
                        && p.getStatus().getConditions().stream()
                                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
                .map(p -> p.getMetadata().getName()).toList();
    }
}
