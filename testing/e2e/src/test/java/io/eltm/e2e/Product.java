package io.eltm.e2e;

import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.shim.kit.ReleaseKit;
import io.eltm.shim.kit.ReleaseSpec;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.Manifests;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product for one scenario, every part real: the CRDs on the API server, the operator (a
 * process, or the Helm chart's pod on the node), a host registered with {@code host add}, its agent
 * process on a sample install of 8.4.1 (PostgreSQL, meta-service), and a release repository over HTTP.
 * The user's side is kubectl.
 */
final class Product implements AutoCloseable {

    static final String HOST = "etl-01";

    final KubernetesClient admin;
    final String namespace;
    final Kubectl kubectl;
    final SampleInstall install;
    private final Path dir;
    private final Path kubeconfig;
    private final ReleaseRepository releases;
    private final RunningOperator operator;
    private JavaProcess agent;
    private Path agentKubeconfig;

    /** With {@code kubectl apply -f crds/} and the operator run as a process with the admin kubeconfig. */
    Product(KubernetesClient admin, String namespace, Path kubeconfig, KubeCluster cluster, Path dir) throws Exception {
        this(admin, namespace, kubeconfig, cluster.kubectl(), dir);
    }

    /** As above, with the kubectl binary named. */
    Product(KubernetesClient admin, String namespace, Path kubeconfig, Path kubectlBinary, Path dir) throws Exception {
        this(admin, namespace, kubeconfig, kubectlBinary, dir, operatorProcess(admin, kubeconfig, dir));
    }

    /** With {@code operator} already running (and the CRDs it needs installed). */
    Product(KubernetesClient admin, String namespace, Path kubeconfig, Path kubectlBinary, Path dir,
            RunningOperator operator) throws Exception {
        this.admin = admin;
        this.namespace = namespace;
        this.dir = dir;
        this.kubeconfig = kubeconfig;
        this.kubectl = new Kubectl(kubectlBinary, kubeconfig);
        this.operator = operator;
        ReleaseKit kit = ReleaseKit.inUserCache();
        releases = new ReleaseRepository();
        for (ReleaseSpec spec : List.of(SampleReleases.a(), SampleReleases.b(), SampleReleases.failingMigration())) {
            releases.publish(kit.build(spec));
        }
        install = SampleInstall.create(dir.resolve("host"), kit.build(SampleReleases.a()));
        agentKubeconfig = dir.resolve(HOST + ".kubeconfig");
        int added = JavaProcess.run(JavaProcess.jar("eltm.shim.jar"), dir.resolve("host-add.log"), Map.of(),
                "host", "add", HOST, "--namespace", namespace, "--out", agentKubeconfig.toString(),
                "--kubeconfig", kubeconfig.toString());
        assertThat(added).as(Files.readString(dir.resolve("host-add.log"))).isZero();
        startAgent();
    }

    void startAgent() {
        agent = JavaProcess.start(JavaProcess.jar("eltm.shim.jar"), dir.resolve("agent.log"),
                Map.of("HOME", install.homeDir().toString()), "agent", "--kubeconfig", agentKubeconfig.toString(),
                "--host", HOST, "--report-interval", "2", "--env-file", install.envFile().toString());
    }

    /** Stops the agent as systemd would (SIGTERM); its Lease is no longer renewed. */
    void stopAgent() {
        agent.close();
    }

    private static RunningOperator operatorProcess(KubernetesClient admin, Path kubeconfig, Path dir)
            throws IOException {
        Manifests.apply(admin, Path.of(System.getProperty("eltm.crds.dir")));
        return OperatorProcess.start(kubeconfig, dir.resolve("operator.log"));
    }

    /** The operator's Prometheus page, as a scraper reads it. */
    String operatorMetrics() throws Exception {
        return operator.metrics();
    }

    /** Kills the operator dead, as a node failure would, and waits until a new one runs. */
    void killAndRestartOperator() throws Exception {
        operator.killAndRestart();
    }

    /** {@code kubectl apply} of the installation {@code sales} at {@code version}. */
    void apply(String version) throws Exception {
        apply(version, false);
    }

    /** {@code kubectl apply} of {@code sales} at {@code version}, with {@code spec.policy.paused}. */
    void apply(String version, boolean paused) throws Exception {
        Kubectl.Result applied = kubectl.apply("""
                apiVersion: eltm.io/v1alpha1
                kind: EltmInstallation
                metadata:
                  name: sales
                  namespace: %s
                spec:
                  version: "%s"
                  release:
                    url: "%s"
                  target:
                    host:
                      name: %s
                      installDir: "%s"
                  policy:
                    healthTimeout: 60
                    paused: %s
                """.formatted(namespace, version, releases.urlTemplate(), HOST, install.installDir(), paused));
        assertThat(applied.exit()).as(applied.output()).isZero();
    }

    /** Waits (3 minutes at most) until the installation's status satisfies {@code condition}. */
    EltmInstallation awaitInstallation(Predicate<EltmInstallation> condition) {
        return awaitInstallation(condition, true);
    }

    /** As {@link #awaitInstallation(Predicate)}; {@code agentExpected} false while the agent is stopped on purpose. */
    EltmInstallation awaitInstallation(Predicate<EltmInstallation> condition, boolean agentExpected) {
        return await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(operator.isAlive()).as("operator:\n" + operator.log()).isTrue();
                    assertThat(agent.isAlive() || !agentExpected).as("agent:\n" + agent.log()).isTrue();
                    return installation();
                }, i -> i != null && i.getStatus() != null && condition.test(i));
    }

    /** Status written for the current spec, in {@code phase}, reporting {@code version}. */
    static Predicate<EltmInstallation> settled(String phase, String version) {
        return i -> i.getStatus().getPhase() != null && phase.equals(i.getStatus().getPhase().name())
                && version.equals(i.getStatus().getVersion())
                && i.getMetadata().getGeneration().equals(i.getStatus().getObservedGeneration());
    }

    EltmInstallation installation() {
        return admin.resources(EltmInstallation.class).inNamespace(namespace).withName("sales").get();
    }

    List<EltmOperation> operations() {
        return admin.resources(EltmOperation.class).inNamespace(namespace).list().getItems();
    }

    @Override
    public void close() {
        agent.close();
        operator.close();
        install.close();
        releases.close();
    }
}
