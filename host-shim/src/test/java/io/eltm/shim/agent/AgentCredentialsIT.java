package io.eltm.shim.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.EltmOperationSpec;
import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.api.v1alpha1.OperationType;
import io.eltm.api.v1alpha1.Release;
import io.eltm.shim.kit.ReleaseKit;
import io.eltm.shim.kit.SampleInstall;
import io.eltm.shim.kit.SampleReleases;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The agent's credential as {@code host add} and {@code host rotate} (real processes) issue it and the agent (a real
 * process) renews it: the agent swaps its first token for a short-lived one of its own, and after a rotation every
 * earlier token is refused while the agent works on with the new kubeconfig.
 */
@ExtendWith(KubeControlPlaneExtension.class)
class AgentCredentialsIT {

    private static final String HOST = "cred-01";

    @TempDir
    Path sandbox;

    private final ReleaseKit kit = ReleaseKit.inUserCache();

    @Test
    void rotationRefusesEveryEarlierTokenWhileTheAgentWorksOnWithTheNewOne(KubernetesClient admin, TestNamespace ns,
                                                                         Path adminKubeconfig) throws Exception {
        InstalledCrds.apply(admin);
        Path b = kit.build(SampleReleases.b());
        Path dir = Files.createDirectories(sandbox.resolve("etc-eltm"));
        Path kubeconfig = dir.resolve("agent.kubeconfig");
        assertThat(ShimRun.host(sandbox, "add", adminKubeconfig, HOST, ns.name(), kubeconfig).exit()).isZero();
        Path bootstrap = Files.copy(kubeconfig, sandbox.resolve("bootstrap.kubeconfig"));
        try (SampleInstall install = SampleInstall.create(sandbox.resolve("host"), kit.build(SampleReleases.a()));
             ReleaseServer releases = ReleaseServer.start();
             AgentProcess agent = AgentProcess.start(install, kubeconfig, List.of(), Map.of(), "agent.log")) {
            // the agent's own token, written back into its kubeconfig: short-lived, unlike the first one
            await().atMost(Duration.ofSeconds(60)).until(() -> !HostAddIT.token(kubeconfig)
                    .equals(HostAddIT.token(bootstrap)));
            Path refreshed = Files.copy(kubeconfig, sandbox.resolve("refreshed.kubeconfig"));
            Duration life = Duration.between(Instant.now(), expiry(HostAddIT.token(refreshed)));
            assertThat(life).isBetween(Duration.ofMinutes(50), Duration.ofMinutes(61));
            assertThat(Duration.between(Instant.now(), expiry(HostAddIT.token(bootstrap))))
                    .isGreaterThan(Duration.ofHours(23));
            assertThat(agent.log()).contains("new token for ServiceAccount " + ns.name() + "/eltm-agent-" + HOST)
                    .doesNotContain(HostAddIT.token(refreshed)).doesNotContain(HostAddIT.token(bootstrap));

            // the admin rotates and puts the new kubeconfig where the agent reads it
            Path rotated = sandbox.resolve("rotated.kubeconfig");
            assertThat(ShimRun.host(sandbox, "rotate", adminKubeconfig, HOST, ns.name(), rotated).exit()).isZero();
            Instant rotatedAt = Instant.now();
            Files.move(rotated, kubeconfig, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            assertThat(status(bootstrap)).isEqualTo(401);
            assertThat(status(refreshed)).isEqualTo(401);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(admin.leases()
                    .inNamespace(ns.name()).withName("eltm-agent-" + HOST).get().getSpec().getRenewTime().toInstant())
                    .isAfter(rotatedAt));
            createCheck(admin, ns.name(), releases.serve(b), HostFixture.sha256(b));
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(admin
                    .resources(EltmOperation.class).inNamespace(ns.name()).withName("check-after-rotation").get()
                    .getStatus()).isNotNull().extracting(s -> s.getPhase()).isEqualTo(OperationPhase.Succeeded));
            assertThat(agent.isAlive()).as(agent.log()).isTrue();
            assertThat(agent.log()).contains("was replaced; using the token in it");
        }
    }

    private static void createCheck(KubernetesClient admin, String namespace, String url, String sha256) {
        EltmOperationSpec spec = new EltmOperationSpec();
        spec.setInstallation("iserver");
        spec.setHost(HOST);
        spec.setType(OperationType.CHECK);
        spec.setRelease(new Release(url, sha256));
        spec.setTargetVersion("8.4.2");
        EltmOperation op = new EltmOperation();
        op.setMetadata(new ObjectMetaBuilder().withName("check-after-rotation").withNamespace(namespace)
                .addToLabels(EltmOperation.HOST_LABEL, HOST).build());
        op.setSpec(spec);
        admin.resource(op).create();
    }

    /** The HTTP status of reading this host's EltmHost with {@code kubeconfig}'s token. */
    private static int status(Path kubeconfig) throws Exception {
        try (KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
            client.resources(io.eltm.api.v1alpha1.EltmHost.class).withName(HOST).get();
            return 200;
        } catch (KubernetesClientException e) {
            return e.getCode();
        }
    }

    /** A ServiceAccount token is a JWT: its {@code exp} claim. */
    private static Instant expiry(String jwt) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return Instant.ofEpochSecond(new ObjectMapper().readTree(payload).get("exp").asLong());
    }
}
