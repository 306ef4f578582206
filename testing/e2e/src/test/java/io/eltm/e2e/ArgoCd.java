package io.eltm.e2e;

import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.Manifests;
import io.eltm.testing.kube.TestNamespace;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Argo CD against the test API server, in Argo CD's own local mode (its Procfile): redis-server,
 * {@code argocd-repo-server} and {@code argocd-application-controller} as processes on 127.0.0.1, with
 * {@code ARGOCD_FAKE_IN_CLUSTER=true} so the in-cluster destination is the kubeconfig's API server. Its
 * namespace holds argocd-cm (with the shipped health check, installed as users install it), argocd-secret
 * and the {@code default} AppProject. Git is polled every 5 s instead of 3 min.
 */
final class ArgoCd implements AutoCloseable {

    private static final String RECONCILIATION = "5s";

    final String namespace;
    final ArgoCdBinaries binaries;
    final Path argocdCm;
    private final KubernetesClient admin;
    private final KubeCluster cluster;
    private final List<JavaProcess> processes = new ArrayList<>();

    private ArgoCd(KubernetesClient admin, KubeCluster cluster, String namespace, ArgoCdBinaries binaries, Path argocdCm) {
        this.admin = admin;
        this.cluster = cluster;
        this.namespace = namespace;
        this.binaries = binaries;
        this.argocdCm = argocdCm;
    }

    static ArgoCd start(KubernetesClient admin, KubeCluster cluster, Path kubeconfig, Path dir) throws Exception {
        ArgoCdBinaries binaries = ArgoCdBinaries.fromCache();
        // Application and AppProject only: no ApplicationSet controller runs here, and its CRD is too large to
        // apply within the client's 10 s request timeout on a busy machine
        Path crds = Files.createDirectories(dir.resolve("argocd-crds"));
        for (String crd : List.of("application-crd.yaml", "appproject-crd.yaml")) {
            Files.copy(binaries.crds().resolve(crd), crds.resolve(crd));
        }
        Manifests.apply(admin, crds);
        String namespace = cluster.createNamespace("argocd-" + Integer.toString(
                ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36)).name();
        Kubectl kubectl = new Kubectl(cluster.kubectl(), kubeconfig);
        admin.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder().withNewMetadata().withName("argocd-cm")
                .addToLabels("app.kubernetes.io/part-of", "argocd").endMetadata().build()).create();
        Path argocdCm = ArgoCdHealthCheck.install(kubectl, namespace, dir);
        admin.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("argocd-secret")
                .addToLabels("app.kubernetes.io/part-of", "argocd").endMetadata().build()).create();
        Kubectl.Result project = kubectl.apply("""
                apiVersion: argoproj.io/v1alpha1
                kind: AppProject
                metadata:
                  name: default
                  namespace: %s
                spec:
                  sourceRepos: ["*"]
                  destinations: [{server: "*", namespace: "*"}]
                  clusterResourceWhitelist: [{group: "*", kind: "*"}]
                """.formatted(namespace));
        assertThat(project.exit()).as(project.output()).isZero();
        ArgoCd argocd = new ArgoCd(admin, cluster, namespace, binaries, argocdCm);
        try {
            argocd.startProcesses(kubeconfig, dir);
        } catch (RuntimeException | Error e) {
            argocd.close();
            throw e;
        }
        return argocd;
    }

    private void startProcesses(Path kubeconfig, Path dir) throws IOException {
        String redis = Product.freePort();
        String repoServer = Product.freePort();
        String repoMetrics = Product.freePort();
        String controllerMetrics = Product.freePort();
        if (Stream.of(System.getenv("PATH").split(":")).noneMatch(d -> Files.isExecutable(Path.of(d, "redis-server")))) {
            throw new IllegalStateException("redis-server is not on PATH; Argo CD needs it: apt-get install -y redis-server"
                    + " (CI's .ci/run installs it when run as root)");
        }
        processes.add(JavaProcess.command(List.of("redis-server", "--bind", "127.0.0.1", "--port", redis, "--save", "",
                "--appendonly", "no", "--dir", dir.toString()), dir.resolve("redis.log"), Map.of()));
        Map<String, String> env = Map.of("ARGOCD_FAKE_IN_CLUSTER", "true", "KUBECONFIG", kubeconfig.toString(),
                "ARGOCD_RECONCILIATION_TIMEOUT", RECONCILIATION, "ARGOCD_RECONCILIATION_JITTER", "0",
                // the shard is otherwise read from the host name's "-<n>" suffix, which a CI runner may have
                "ARGOCD_CONTROLLER_SHARD", "0",
                "ARGOCD_GPG_ENABLED", "false", "TMPDIR", Files.createDirectories(dir.resolve("tmp")).toString(),
                "ARGOCD_TLS_DATA_PATH", Files.createDirectories(dir.resolve("tls")).toString(),
                "ARGOCD_SSH_DATA_PATH", Files.createDirectories(dir.resolve("ssh")).toString(),
                "ARGOCD_PLUGINSOCKFILEPATH", Files.createDirectories(dir.resolve("plugins")).toString());
        processes.add(JavaProcess.command(List.of(binaries.repoServer().toString(), "--address", "127.0.0.1",
                "--port", repoServer, "--metrics-address", "127.0.0.1", "--metrics-port", repoMetrics,
                "--redis", "127.0.0.1:" + redis, "--disable-tls", "--client-ca-path=", "--logformat", "text"),
                dir.resolve("repo-server.log"), env));
        awaitHealthy("argocd-repo-server", repoMetrics, processes.get(1));
        processes.add(JavaProcess.command(List.of(binaries.applicationController().toString(), "--namespace", namespace,
                "--redis", "127.0.0.1:" + redis, "--repo-server", "127.0.0.1:" + repoServer, "--repo-server-plaintext",
                "--metrics-port", controllerMetrics, "--persist-resource-health", "--status-processors", "2",
                "--operation-processors", "2", "--logformat", "text"), dir.resolve("application-controller.log"), env));
        awaitHealthy("argocd-application-controller", controllerMetrics, processes.get(2));
    }

    /** An Application syncing {@code path} of {@code repo} into {@code destination}, automatically, with self-heal. */
    void createApplication(String name, GitRepository repo, String path, String destination) throws Exception {
        Kubectl.Result applied = new Kubectl(cluster.kubectl(), cluster.kubeconfig()).apply("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  project: default
                  source:
                    repoURL: %s
                    targetRevision: HEAD
                    path: %s
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: %s
                  syncPolicy:
                    automated:
                      prune: true
                      selfHeal: true
                """.formatted(name, namespace, repo.url(), path, destination));
        assertThat(applied.exit()).as(applied.output()).isZero();
    }

    /** Deletes the Application (no cascade: what it synced stays). */
    void deleteApplication(String name) {
        admin.genericKubernetesResources("argoproj.io/v1alpha1", "Application").inNamespace(namespace).withName(name).delete();
    }

    /** The Application as Argo CD last wrote it; the processes are checked alive on every read. */
    ArgoCdApplication application(String name) {
        for (JavaProcess p : processes) {
            assertThat(p.isAlive()).as("an Argo CD process died:\n" + p.log()).isTrue();
        }
        GenericKubernetesResource app = admin.genericKubernetesResources("argoproj.io/v1alpha1", "Application")
                .inNamespace(namespace).withName(name).get();
        return new ArgoCdApplication(name, app == null ? Map.of() : app.getAdditionalProperties());
    }

    private static void awaitHealthy(String what, String port, JavaProcess process) {
        HttpClient http = HttpClient.newHttpClient();
        await(what + " healthy").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    assertThat(process.isAlive()).as(what + " exited:\n" + process.log()).isTrue();
                    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                });
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
        cluster.deleteNamespace(new TestNamespace(namespace));
    }
}
