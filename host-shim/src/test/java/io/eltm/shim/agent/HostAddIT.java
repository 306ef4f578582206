package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmHost;
import io.eltm.api.v1alpha1.EltmHostStatus;
import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;

import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code eltm-shim host add} (a real process) against the real API server, and what its kubeconfig may do. */
@ExtendWith(KubeControlPlaneExtension.class)
class HostAddIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void installCrds(KubernetesClient admin) {
        InstalledCrds.apply(admin);
    }

    @Test
    void registersTheHostAndWritesAPrivateKubeconfigThatCanDoExactlyTheAgentsJob(KubernetesClient admin,
                                                                               TestNamespace ns, Path kubeconfig)
            throws Exception {
        Path out = dir.resolve("etl-07.kubeconfig");

        Run run = hostAdd(kubeconfig, "etl-07", ns.name(), out);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("registered host etl-07").doesNotContain(token(out));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        assertThat(admin.resources(EltmHost.class).inNamespace(ns.name()).withName("etl-07").get()).isNotNull();
        assertThat(admin.serviceAccounts().inNamespace(ns.name()).withName("eltm-agent-etl-07").get()).isNotNull();

        try (KubernetesClient agent = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(out))).build()) {
            assertThat(agent.getNamespace()).isEqualTo(ns.name());
            EltmHost own = agent.resources(EltmHost.class).withName("etl-07").get();
            EltmHostStatus status = new EltmHostStatus();
            status.setAgentVersion("it");
            status.setLastHeartbeat(Instant.now().toString());
            own.setStatus(status);
            agent.resource(own).updateStatus();
            agent.resource(new LeaseBuilder().withNewMetadata().withName("eltm-agent-etl-07").endMetadata()
                    .withNewSpec().withHolderIdentity("etl-07").withLeaseDurationSeconds(40)
                    .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC)).endSpec().build()).create();
            assertThat(agent.resources(io.eltm.api.v1alpha1.EltmOperation.class).list().getItems()).isEmpty();

            assertThatThrownBy(() -> agent.resources(EltmInstallation.class).list())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
            assertThatThrownBy(() -> agent.configMaps().list())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        }
        assertThat(admin.resources(EltmHost.class).inNamespace(ns.name()).withName("etl-07").get().getStatus()
                .getAgentVersion()).isEqualTo("it");
    }

    @Test
    void runningItAgainRotatesTheTokenAndKeepsTheHost(KubernetesClient admin, TestNamespace ns, Path kubeconfig)
            throws Exception {
        Path out = dir.resolve("etl-08.kubeconfig");
        assertThat(hostAdd(kubeconfig, "etl-08", ns.name(), out).exit()).isZero();
        String first = token(out);

        Run again = hostAdd(kubeconfig, "etl-08", ns.name(), out);

        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(token(out)).isNotEqualTo(first);
        assertThat(admin.resources(EltmHost.class).inNamespace(ns.name()).list().getItems()).hasSize(1);
    }

    @Test
    void hostsInTheirOwnNamespacesCannotReadOrWriteEachOthersWork(KubernetesClient admin, TestNamespace ns,
                                                                Path kubeconfig) throws Exception {
        String nsX = ns.name() + "-x";
        String nsY = ns.name() + "-y";
        Path outX = dir.resolve("x.kubeconfig");
        assertThat(hostAdd(kubeconfig, "host-x", nsX, outX).exit()).isZero();
        assertThat(hostAdd(kubeconfig, "host-y", nsY, dir.resolve("y.kubeconfig")).exit()).isZero();

        try (KubernetesClient x = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(outX))).build()) {
            assertThat(x.resources(io.eltm.api.v1alpha1.EltmOperation.class).inNamespace(nsX).list().getItems()).isEmpty();
            assertThatThrownBy(() -> x.resources(io.eltm.api.v1alpha1.EltmOperation.class).inNamespace(nsY).list())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
            assertThatThrownBy(() -> x.resources(EltmHost.class).inNamespace(nsY).withName("host-y").get())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
            assertThatThrownBy(() -> x.resources(EltmInstallation.class).inNamespace(nsY).list())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        }
    }

    @Test
    void refusesAHostNameThatIsNotADnsLabel(TestNamespace ns, Path kubeconfig) throws Exception {
        Run run = hostAdd(kubeconfig, "ETL_01", ns.name(), dir.resolve("x.kubeconfig"));

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.output()).contains("ETL_01").contains("DNS label");
        assertThat(dir.resolve("x.kubeconfig")).doesNotExist();
    }

    private record Run(int exit, String output) {
    }

    private Run hostAdd(Path adminKubeconfig, String host, String namespace, Path out) throws IOException,
            InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of(System.getProperty("eltm.shim.jar", "target/eltm-shim.jar")).toAbsolutePath().toString(),
                "host", "add", host, "--namespace", namespace, "--out", out.toString(),
                "--kubeconfig", adminKubeconfig.toString()));
        Path log = Files.createTempFile(dir, "host-add", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("host add did not end within 2 minutes");
        }
        return new Run(p.exitValue(), Files.readString(log));
    }

    private static String token(Path kubeconfig) throws IOException {
        return Files.readAllLines(kubeconfig).stream().map(String::strip).filter(l -> l.startsWith("token:"))
                .map(l -> l.substring("token:".length()).strip().replace("\"", "")).findFirst()
                .orElseThrow(() -> new AssertionError("no token in " + kubeconfig));
    }
}
