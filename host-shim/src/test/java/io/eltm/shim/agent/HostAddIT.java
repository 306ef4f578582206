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
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

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

        ShimRun run = hostAdd(kubeconfig, "etl-07", ns.name(), out);

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
    void runningItAgainIssuesAnotherTokenAndKeepsTheHostAndTheFirstToken(KubernetesClient admin, TestNamespace ns,
                                                                       Path kubeconfig) throws Exception {
        Path out = dir.resolve("etl-08.kubeconfig");
        assertThat(hostAdd(kubeconfig, "etl-08", ns.name(), out).exit()).isZero();
        Path first = Files.copy(out, dir.resolve("etl-08.first.kubeconfig"));

        ShimRun again = hostAdd(kubeconfig, "etl-08", ns.name(), out);

        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(token(out)).isNotEqualTo(token(first));
        assertThat(admin.resources(EltmHost.class).inNamespace(ns.name()).list().getItems()).hasSize(1);
        assertThat(canListOperations(first)).as("add does not invalidate; rotate does").isEqualTo(200);
    }

    @Test
    void rotateInvalidatesEveryEarlierTokenOfTheHostAndOnlyOfIt(TestNamespace ns, Path kubeconfig) throws Exception {
        Path out = dir.resolve("etl-09.kubeconfig");
        assertThat(hostAdd(kubeconfig, "etl-09", ns.name(), out).exit()).isZero();
        Path first = Files.copy(out, dir.resolve("etl-09.first.kubeconfig"));
        assertThat(hostAdd(kubeconfig, "etl-09", ns.name(), out).exit()).isZero();
        Path second = Files.copy(out, dir.resolve("etl-09.second.kubeconfig"), StandardCopyOption.REPLACE_EXISTING);
        Path neighbour = dir.resolve("etl-10.kubeconfig");
        assertThat(hostAdd(kubeconfig, "etl-10", ns.name(), neighbour).exit()).isZero();

        ShimRun rotated = ShimRun.host(dir, "rotate", kubeconfig, "etl-09", ns.name(), out);

        assertThat(rotated.exit()).as(rotated.output()).isZero();
        assertThat(rotated.output()).contains("every earlier token of it is now refused").doesNotContain(token(out));
        assertThat(canListOperations(first)).isEqualTo(401);
        assertThat(canListOperations(second)).isEqualTo(401);
        assertThat(canListOperations(out)).as("the new kubeconfig keeps the agent's rights").isEqualTo(200);
        assertThat(canListOperations(neighbour)).as("another host's credential is untouched").isEqualTo(200);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
    }

    @Test
    void rotateRefusesAHostThatIsNotRegistered(TestNamespace ns, Path kubeconfig) throws Exception {
        ShimRun run = ShimRun.host(dir, "rotate", kubeconfig, "ghost", ns.name(), dir.resolve("ghost.kubeconfig"));

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.output()).contains("host ghost is not registered in namespace " + ns.name(), "host add ghost");
        assertThat(dir.resolve("ghost.kubeconfig")).doesNotExist();
    }

    @Test
    void theAgentsCredentialIssuesTokensForItsOwnServiceAccountOnly(TestNamespace ns, Path kubeconfig)
            throws Exception {
        Path x = dir.resolve("tok-x.kubeconfig");
        assertThat(hostAdd(kubeconfig, "tok-x", ns.name(), x).exit()).isZero();
        assertThat(hostAdd(kubeconfig, "tok-y", ns.name(), dir.resolve("tok-y.kubeconfig")).exit()).isZero();

        try (KubernetesClient agent = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(x))).build()) {
            var request = new io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder().withNewSpec()
                    .withExpirationSeconds(600L).endSpec().build();
            assertThat(agent.serviceAccounts().withName("eltm-agent-tok-x").tokenRequest(request).getStatus()
                    .getToken()).isNotBlank();
            assertThatThrownBy(() -> agent.serviceAccounts().withName("eltm-agent-tok-y").tokenRequest(request))
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        }
    }

    /** The HTTP status of listing operations with {@code kubeconfig}'s credential (200 when allowed). */
    private static int canListOperations(Path kubeconfig) throws IOException {
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
            client.resources(io.eltm.api.v1alpha1.EltmOperation.class).list();
            return 200;
        } catch (KubernetesClientException e) {
            return e.getCode();
        }
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
        ShimRun run = hostAdd(kubeconfig, "ETL_01", ns.name(), dir.resolve("x.kubeconfig"));

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.output()).contains("ETL_01").contains("DNS label");
        assertThat(dir.resolve("x.kubeconfig")).doesNotExist();
    }

    private ShimRun hostAdd(Path adminKubeconfig, String host, String namespace, Path out) throws IOException,
            InterruptedException {
        return ShimRun.host(dir, "add", adminKubeconfig, host, namespace, out);
    }

    static String token(Path kubeconfig) throws IOException {
        return Files.readAllLines(kubeconfig).stream().map(String::strip).filter(l -> l.startsWith("token:"))
                .map(l -> l.substring("token:".length()).strip().replace("\"", "")).findFirst()
                .orElseThrow(() -> new AssertionError("no token in " + kubeconfig));
    }
}
