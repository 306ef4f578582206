package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmInstallationSpec;
import io.eltm.api.v1alpha1.HostTarget;
import io.eltm.api.v1alpha1.Policy;
import io.eltm.api.v1alpha1.Release;
import io.eltm.api.v1alpha1.Target;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.Manifests;
import io.eltm.testing.kube.TestNamespace;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.eltm.operator.metrics.UpgradeMetrics;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reconciler on the real API server, with the agent's side played by {@link ScriptedAgentStandIn}
 * (a test double): one operation per desired change, status and conditions folded from its result.
 */
@ExtendWith(KubeControlPlaneExtension.class)
class EltmInstallationReconcilerIT {

    private static final SimpleMeterRegistry METRICS = new SimpleMeterRegistry();
    private static Operator operator;

    @BeforeAll
    static void startOperator(KubernetesClient admin) {
        Manifests.apply(admin, Path.of(System.getProperty("eltm.crds.dir", "../crds")));
        operator = new Operator(o -> o.withKubernetesClient(admin).withCloseClientOnStop(false));
        operator.register(new EltmInstallationReconciler(Clock.systemUTC(), new UpgradeMetrics(METRICS)));
        operator.start();
    }

    @AfterAll
    static void stopOperator() {
        if (operator != null) {
            operator.stop();
        }
    }

    @Test
    void startsOneUpgradeAndBecomesReadyWhenTheAgentReportsSuccess(KubernetesClient admin, TestNamespace ns) {
        ScriptedAgentStandIn agent = new ScriptedAgentStandIn(admin, ns.name(), "etl-01");
        agent.reports("8.4.1", "2");
        agent.renewsLease(Instant.now());

        admin.resource(installation(ns.name(), "sales", "etl-01", "8.4.2", false)).create();

        EltmOperation op = await().atMost(Duration.ofSeconds(30)).until(() -> single(admin, ns.name()), o -> o != null);
        assertThat(op.getSpec().getTargetVersion()).isEqualTo("8.4.2");
        assertThat(op.getSpec().getRelease().getUrl()).isEqualTo("https://releases.example/eltm-portable-8.4.2.tar.gz");
        assertThat(op.getMetadata().getLabels()).containsEntry("eltm.io/host", "etl-01");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            EltmInstallation i = get(admin, ns.name(), "sales");
            assertThat(i.getStatus().getCurrentOperation()).isEqualTo(op.getMetadata().getName());
            assertThat(i.getStatus().getPhase().name()).isEqualTo("Upgrading");
        });

        agent.finishes(op, OperationPhase.Succeeded, "8.4.2", "4", null);
        agent.reports("8.4.2", "4");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            EltmInstallation i = get(admin, ns.name(), "sales");
            assertThat(i.getStatus().getPhase().name()).isEqualTo("Ready");
            assertThat(i.getStatus().getVersion()).isEqualTo("8.4.2");
            assertThat(i.getStatus().getGitSha()).isEqualTo("sha-8.4.2");
            assertThat(i.getStatus().getCurrentOperation()).isNull();
            assertThat(i.getStatus().getLastUpgrade().getTo()).isEqualTo("8.4.2");
            assertThat(i.getStatus().getLastUpgrade().getDowntimeMillis()).isEqualTo(1234L);
            assertThat(i.getStatus().getObservedGeneration()).isEqualTo(i.getMetadata().getGeneration());
            assertThat(condition(i, "Ready").getStatus()).isEqualTo("True");
        });
        assertThat(admin.resources(EltmOperation.class).inNamespace(ns.name()).list().getItems()).hasSize(1);
        assertThat(METRICS.find("eltm.upgrades").tag("result", "Succeeded").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(METRICS.find("eltm.upgrade.downtime").summary().totalAmount()).isGreaterThanOrEqualTo(1.234);
    }

    @Test
    void aRolledBackUpgradeDegradesAndIsNotRetriedUntilTheSpecChanges(KubernetesClient admin, TestNamespace ns) {
        ScriptedAgentStandIn agent = new ScriptedAgentStandIn(admin, ns.name(), "etl-02");
        agent.reports("8.4.1", "2");
        agent.renewsLease(Instant.now());
        admin.resource(installation(ns.name(), "sales", "etl-02", "8.5.0", false)).create();
        EltmOperation op = await().atMost(Duration.ofSeconds(30)).until(() -> single(admin, ns.name()), o -> o != null);

        agent.finishes(op, OperationPhase.RolledBack, "8.4.1", "2", "while migrate: V5 failed; rolled back");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            EltmInstallation i = get(admin, ns.name(), "sales");
            assertThat(i.getStatus().getPhase().name()).isEqualTo("Degraded");
            assertThat(condition(i, "Degraded").getStatus()).isEqualTo("True");
            assertThat(condition(i, "Degraded").getMessage()).contains("V5 failed");
        });
        agent.renewsLease(Instant.now()); // another event: still no second operation
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(
                () -> admin.resources(EltmOperation.class).inNamespace(ns.name()).list().getItems().size() == 1);
    }

    @Test
    void aPausedInstallationStartsNothing(KubernetesClient admin, TestNamespace ns) {
        ScriptedAgentStandIn agent = new ScriptedAgentStandIn(admin, ns.name(), "etl-03");
        agent.reports("8.4.1", "2");
        agent.renewsLease(Instant.now());

        admin.resource(installation(ns.name(), "sales", "etl-03", "8.4.2", true)).create();

        // Until the operator's first status write the status is absent: wait for it rather than fail on it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            EltmInstallation current = get(admin, ns.name(), "sales");
            assertThat(current.getStatus()).as("status of sales").isNotNull();
            assertThat(current.getStatus().getPhase().name()).isEqualTo("Paused");
        });
        assertThat(admin.resources(EltmOperation.class).inNamespace(ns.name()).list().getItems()).isEmpty();
    }

    @Test
    void aHostWhoseLeaseExpiredIsDisconnectedAndGetsNoOperation(KubernetesClient admin, TestNamespace ns) {
        ScriptedAgentStandIn agent = new ScriptedAgentStandIn(admin, ns.name(), "etl-04");
        agent.reports("8.4.1", "2");
        agent.renewsLease(Instant.now().minus(Duration.ofMinutes(5)));

        admin.resource(installation(ns.name(), "sales", "etl-04", "8.4.2", false)).create();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            EltmInstallation i = get(admin, ns.name(), "sales");
            assertThat(i.getStatus().getPhase().name()).isEqualTo("HostDisconnected");
            assertThat(condition(i, "HostConnected").getStatus()).isEqualTo("False");
        });
        assertThat(admin.resources(EltmOperation.class).inNamespace(ns.name()).list().getItems()).isEmpty();

        agent.renewsLease(Instant.now());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(condition(get(admin, ns.name(), "sales"), "HostConnected").getStatus()).isEqualTo("True"));
    }

    @Test
    void upgradesAHostRegisteredInItsOwnNamespace(KubernetesClient admin, TestNamespace ns) {
        String hostNamespace = ns.name() + "-host";
        admin.resource(new NamespaceBuilder().withNewMetadata().withName(hostNamespace).endMetadata().build()).create();
        ScriptedAgentStandIn agent = new ScriptedAgentStandIn(admin, hostNamespace, "etl-05");
        agent.reports("8.4.1", "2");
        agent.renewsLease(Instant.now());
        EltmInstallation installation = installation(ns.name(), "sales", "etl-05", "8.4.2", false);
        installation.getSpec().getTarget().getHost().setNamespace(hostNamespace);

        admin.resource(installation).create();

        EltmOperation op = await().atMost(Duration.ofSeconds(30)).until(() -> single(admin, hostNamespace), o -> o != null);
        assertThat(admin.resources(EltmOperation.class).inNamespace(ns.name()).list().getItems()).isEmpty();
        agent.finishes(op, OperationPhase.Succeeded, "8.4.2", "4", null);
        agent.reports("8.4.2", "4");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            EltmInstallation i = get(admin, ns.name(), "sales");
            assertThat(i.getStatus().getPhase().name()).isEqualTo("Ready");
            assertThat(i.getStatus().getVersion()).isEqualTo("8.4.2");
            assertThat(condition(i, "HostConnected").getStatus()).isEqualTo("True");
        });
    }

    @Test
    void aWorkloadTargetIsRefusedInStatusNotCrashed(KubernetesClient admin, TestNamespace ns) {
        EltmInstallation installation = installation(ns.name(), "pods", "unused", "8.4.2", false);
        io.eltm.api.v1alpha1.WorkloadTarget workload = new io.eltm.api.v1alpha1.WorkloadTarget();
        workload.setStatefulSet("eltm");
        workload.setVolumeClaim("iserver-eltm-0");
        installation.getSpec().getTarget().setHost(null);
        installation.getSpec().getTarget().setWorkload(workload);

        admin.resource(installation).create();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            EltmInstallation i = get(admin, ns.name(), "pods");
            assertThat(i.getStatus().getPhase().name()).isEqualTo("Degraded");
            assertThat(condition(i, "Degraded").getReason()).isEqualTo("WorkloadTargetNotSupported");
        });
        assertThat(admin.resources(EltmOperation.class).inNamespace(ns.name()).list().getItems()).isEmpty();
    }

    static EltmInstallation installation(String namespace, String name, String host, String version, boolean paused) {
        EltmInstallation installation = new EltmInstallation();
        installation.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        EltmInstallationSpec spec = new EltmInstallationSpec();
        spec.setVersion(version);
        spec.setRelease(new Release("https://releases.example/eltm-portable-{version}.tar.gz", null));
        Target target = new Target();
        HostTarget hostTarget = new HostTarget();
        hostTarget.setName(host);
        target.setHost(hostTarget);
        spec.setTarget(target);
        Policy policy = new Policy();
        policy.setPaused(paused);
        spec.setPolicy(policy);
        installation.setSpec(spec);
        return installation;
    }

    private static EltmOperation single(KubernetesClient admin, String namespace) {
        List<EltmOperation> ops = admin.resources(EltmOperation.class).inNamespace(namespace).list().getItems();
        return ops.size() == 1 ? ops.get(0) : null;
    }

    private static EltmInstallation get(KubernetesClient admin, String namespace, String name) {
        return admin.resources(EltmInstallation.class).inNamespace(namespace).withName(name).get();
    }

    private static Condition condition(EltmInstallation i, String type) {
        return i.getStatus().getConditions().stream().filter(c -> c.getType().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no condition " + type + " in " + i.getStatus().getConditions()));
    }
}
