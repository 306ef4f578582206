package io.eltm.e2e;

import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.shim.kit.ReleaseKit;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.testing.kube.KubeCluster;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;

import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole product, every part real: the API server, the operator process, {@code host add}, the
 * agent process on a sample install with PostgreSQL and its meta-service; the user only runs kubectl.
 */
@ExtendWith(KubeControlPlaneExtension.class)
class UpgradeThroughKubernetesE2E {

    @TempDir
    Path dir;

    @Test
    void kubectlApplyOfANewVersionUpgradesTheHost(KubernetesClient admin, TestNamespace ns, Path kubeconfig,
                                                 KubeCluster cluster) throws Exception {
        installCrds(admin);
        Kubectl kubectl = new Kubectl(cluster.kubectl(), kubeconfig);
        ReleaseKit kit = ReleaseKit.inUserCache();
        try (ReleaseRepository releases = new ReleaseRepository();
             SampleInstall install = SampleInstall.create(dir.resolve("host"), kit.build(SampleReleases.a()));
             JavaProcess operator = JavaProcess.start(JavaProcess.jar("eltm.operator.jar"), dir.resolve("operator.log"),
                     Map.of("KUBECONFIG", kubeconfig.toString(), "ELTM_OPERATOR_HEALTH_PORT", freePort()))) {
            releases.publish(kit.build(SampleReleases.a()));
            releases.publish(kit.build(SampleReleases.b()));
            Path agentKubeconfig = dir.resolve("etl-01.kubeconfig");
            int added = JavaProcess.run(JavaProcess.jar("eltm.shim.jar"), dir.resolve("host-add.log"), Map.of(),
                    "host", "add", "etl-01", "--namespace", ns.name(), "--out", agentKubeconfig.toString(),
                    "--kubeconfig", kubeconfig.toString());
            assertThat(added).as(Files.readString(dir.resolve("host-add.log"))).isZero();
            try (JavaProcess agent = JavaProcess.start(JavaProcess.jar("eltm.shim.jar"), dir.resolve("agent.log"),
                    Map.of("HOME", install.homeDir().toString()), "agent", "--kubeconfig", agentKubeconfig.toString(),
                    "--host", "etl-01", "--report-interval", "2", "--env-file", install.envFile().toString())) {

                assertThat(kubectl.apply(installation(ns.name(), "8.4.1", releases.urlTemplate(), install.installDir())).exit()).isZero();

                awaitStatus(admin, ns, "8.4.1", operator, agent);
                Kubectl.Result waited = kubectl.run("wait", "--for=condition=Ready", "--timeout=60s", "-n", ns.name(),
                        "eltm/sales");
                assertThat(waited.exit()).as(waited.output()).isZero();

                assertThat(kubectl.apply(installation(ns.name(), "8.4.2", releases.urlTemplate(), install.installDir())).exit()).isZero();

                EltmInstallation done = awaitStatus(admin, ns, "8.4.2", operator, agent);
                waited = kubectl.run("wait", "--for=condition=Ready", "--timeout=60s", "-n", ns.name(), "eltm/sales");
                assertThat(waited.exit()).as(waited.output()).isZero();
                assertThat(done.getStatus().getGitSha()).isEqualTo(SampleReleases.b().gitSha());
                assertThat(done.getStatus().getMigrations().getCurrent()).isEqualTo("4");
                assertThat(done.getStatus().getLastUpgrade().getTo()).isEqualTo("8.4.2");
                assertThat(done.getStatus().getLastUpgrade().getDowntimeMillis()).isPositive();
                assertThat(kubectl.run("get", "eltm", "-n", ns.name()).output()).contains("8.4.2")
                        .contains(SampleReleases.b().gitSha().substring(0, 7));
                assertThat(install.installDir().resolve("VERSION")).content().isEqualTo(SampleReleases.b().versionFile());
                assertThat(install.healthResponse().body()).contains("VERSION=8.4.2");
                assertThat(admin.resources(EltmOperation.class).inNamespace(ns.name()).list().getItems()).hasSize(1);
            }
        }
    }

    private static EltmInstallation awaitStatus(KubernetesClient admin, TestNamespace ns, String version,
                                                JavaProcess operator, JavaProcess agent) {
        return await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(operator.isAlive()).as("operator:\n" + operator.log()).isTrue();
                    assertThat(agent.isAlive()).as("agent:\n" + agent.log()).isTrue();
                    return admin.resources(EltmInstallation.class).inNamespace(ns.name()).withName("sales").get();
                }, i -> i != null && i.getStatus() != null && version.equals(i.getStatus().getVersion())
                        && i.getStatus().getPhase() != null && i.getStatus().getPhase().name().equals("Ready")
                        && i.getStatus().getObservedGeneration().equals(i.getMetadata().getGeneration()));
    }

    private static String installation(String namespace, String version, String urlTemplate, Path installDir) {
        return """
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
                      name: etl-01
                      installDir: "%s"
                  policy:
                    healthTimeout: 60
                """.formatted(namespace, version, urlTemplate, installDir);
    }

    private static void installCrds(KubernetesClient admin) throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("eltm.crds.dir")))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    admin.load(in).resources().forEach(r -> r.fieldManager("eltm-e2e").forceConflicts().serverSideApply());
                }
            }
        }
    }

    private static String freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return Integer.toString(s.getLocalPort());
        }
    }
}
