package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.InstallationRef;
import io.eltm.operator.plan.OperationNames;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.eltm.operator.reconcile.OperatorFixture.condition;
import static io.eltm.operator.reconcile.OperatorFixture.get;
import static io.eltm.operator.reconcile.OperatorFixture.operations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10 items 1, 3 and 8 on the real API server: who may target a host, operations that belong to one
 * installation uid only, one installation per install directory. The agent's side is {@link ScriptedAgentStandIn}
 * (no agent behaviour is proven here).
 */
@ExtendWith(KubeControlPlaneExtension.class)
class IsolationIT {

    private static final OperatorFixture OPERATOR = new OperatorFixture();

    @BeforeAll
    static void start(KubernetesClient admin) {
        OPERATOR.start(admin);
    }

    @AfterAll
    static void stop() {
        OPERATOR.stop();
    }

    @Test
    void aNamespaceTheHostDoesNotAllowIsRefusedAndGetsNoOperationUntilTheHostAllowsIt(KubernetesClient admin,
                                                                                      TestNamespace ns) {
        String hosts = OperatorFixture.namespace(admin, ns.name() + "-hosts");
        ScriptedAgentStandIn agent = new ScriptedAgentStandIn(admin, hosts, "etl-10");
        agent.reports("8.4.1", "2");
        agent.renewsLease(Instant.now());
        EltmInstallation installation = EltmInstallationReconcilerIT.installation(ns.name(), "sales", "etl-10", "8.4.2",
                false);
        installation.getSpec().getTarget().getHost().setNamespace(hosts);

        admin.resource(installation).create();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var degraded = condition(get(admin, ns.name(), "sales"), "Degraded");
            assertThat(degraded.getReason()).isEqualTo("NamespaceNotAllowed");
            assertThat(degraded.getMessage()).contains("host " + hosts + "/etl-10", "spec.allowedNamespaces",
                    "namespace " + ns.name());
        });
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                operations(admin, hosts).isEmpty() && operations(admin, ns.name()).isEmpty());

        agent.allows(ns.name());

        EltmOperation op = await().atMost(Duration.ofSeconds(30)).until(() -> single(admin, hosts), o -> o != null);
        assertThat(op.getSpec().getInstallation().getNamespace()).isEqualTo(ns.name());
    }

    @Test
    void twoSameNamedInstallationsInTwoNamespacesEachGetTheirOwnOperation(KubernetesClient admin, TestNamespace ns) {
        String hosts = OperatorFixture.namespace(admin, ns.name() + "-shared");
        String teamA = OperatorFixture.namespace(admin, ns.name() + "-a");
        String teamB = OperatorFixture.namespace(admin, ns.name() + "-b");
        ScriptedAgentStandIn agent = new ScriptedAgentStandIn(admin, hosts, "etl-11");
        agent.reports("8.4.1", "2", "/data/a", "/data/b");
        agent.allows(teamA, teamB);
        agent.renewsLease(Instant.now());

        EltmInstallation a = admin.resource(sales(teamA, hosts, "etl-11", "/data/a")).create();
        EltmInstallation b = admin.resource(sales(teamB, hosts, "etl-11", "/data/b")).create();

        await().atMost(Duration.ofSeconds(30)).until(() -> operations(admin, hosts).size() == 2);
        List<EltmOperation> ops = operations(admin, hosts);
        assertThat(ops).extracting(op -> op.getSpec().getInstallation().getUid())
                .containsExactlyInAnyOrder(a.getMetadata().getUid(), b.getMetadata().getUid());
        assertThat(ops).extracting(op -> op.getMetadata().getName()).doesNotHaveDuplicates();
        assertThat(ops).allSatisfy(op -> assertThat(op.getMetadata().getLabels().values())
                .allSatisfy(value -> assertThat(value.length()).isLessThanOrEqualTo(63)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(get(admin, teamA, "sales").getStatus().getCurrentOperation()).isEqualTo(ownedBy(ops, a));
            assertThat(get(admin, teamB, "sales").getStatus().getCurrentOperation()).isEqualTo(ownedBy(ops, b));
        });
    }

    @Test
    void anOperationOfTheSameNameOwnedByAnotherUidIsNotAdopted(KubernetesClient admin, TestNamespace ns) {
        ScriptedAgentStandIn agent = new ScriptedAgentStandIn(admin, ns.name(), "etl-12");
        agent.reports("8.4.1", "2");
        agent.renewsLease(Instant.now());
        EltmInstallation paused = admin.resource(EltmInstallationReconcilerIT.installation(ns.name(), "sales",
                "etl-12", "8.4.2", true)).create();
        // the name the operator will give the upgrade once unpaused (generation 2), taken by someone else's operation
        paused.getMetadata().setGeneration(paused.getMetadata().getGeneration() + 1);
        String name = OperationNames.forSpec(FactsMapper.installation(paused));
        EltmOperation squatter = admin.resource(OperatorFixture.operation(ns.name(), name, "etl-12",
                new InstallationRef(ns.name(), "sales", "uid-of-a-deleted-sales"))).create();

        admin.resources(EltmInstallation.class).inNamespace(ns.name()).withName("sales")
                .edit(i -> { i.getSpec().getPolicy().setPaused(false); return i; });

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            EltmInstallation i = get(admin, ns.name(), "sales");
            assertThat(i.getStatus()).as("status").isNotNull();
            assertThat(condition(i, "Degraded").getReason()).isEqualTo("OperationNameTaken");
            assertThat(condition(i, "Degraded").getMessage()).contains(name, "uid-of-a-deleted-sales", "not adopted");
            assertThat(i.getStatus().getCurrentOperation()).isNull();
            assertThat(i.getStatus().getPhase().name()).isEqualTo("Degraded");
        });
        assertThat(operations(admin, ns.name())).extracting(op -> op.getMetadata().getUid())
                .containsExactly(squatter.getMetadata().getUid());
    }

    @Test
    void deletedAndRecreatedAtTheSameVersionTheNewInstallationGetsItsOwnOperation(KubernetesClient admin,
                                                                                  TestNamespace ns) {
        ScriptedAgentStandIn agent = new ScriptedAgentStandIn(admin, ns.name(), "etl-13");
        agent.reports("8.4.1", "2");
        agent.renewsLease(Instant.now());
        EltmInstallation first = admin.resource(EltmInstallationReconcilerIT.installation(ns.name(), "sales", "etl-13",
                "8.4.2", false)).create();
        EltmOperation old = await().atMost(Duration.ofSeconds(30)).until(() -> single(admin, ns.name()), o -> o != null);

        admin.resource(first).delete();
        await().atMost(Duration.ofSeconds(30)).until(() -> get(admin, ns.name(), "sales") == null
                && operations(admin, ns.name()).isEmpty());
        EltmInstallation second = admin.resource(EltmInstallationReconcilerIT.installation(ns.name(), "sales",
                "etl-13", "8.4.2", false)).create();

        EltmOperation fresh = await().atMost(Duration.ofSeconds(30)).until(() -> single(admin, ns.name()),
                o -> o != null);
        assertThat(fresh.getMetadata().getName()).isNotEqualTo(old.getMetadata().getName());
        assertThat(fresh.getSpec().getInstallation().getUid()).isEqualTo(second.getMetadata().getUid());
        assertThat(fresh.getMetadata().getLabels()).containsEntry(EltmOperation.INSTALLATION_UID_LABEL,
                second.getMetadata().getUid());
    }

    @Test
    void aSecondInstallationOfTheSameInstallDirIsRefusedNamingTheFirst(KubernetesClient admin, TestNamespace ns) {
        ScriptedAgentStandIn agent = new ScriptedAgentStandIn(admin, ns.name(), "etl-14");
        agent.reports("8.4.1", "2");
        agent.renewsLease(Instant.now());
        EltmInstallation first = admin.resource(EltmInstallationReconcilerIT.installation(ns.name(), "sales", "etl-14",
                "8.4.2", false)).create();
        await().atMost(Duration.ofSeconds(30)).until(() -> operations(admin, ns.name()).size() == 1);
        // creation times have a resolution of one second: the second installation is created in a later one
        Instant firstCreated = Instant.parse(first.getMetadata().getCreationTimestamp());
        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().isAfter(firstCreated.plusSeconds(1)));

        admin.resource(EltmInstallationReconcilerIT.installation(ns.name(), "sales-copy", "etl-14", "8.5.0", false))
                .create();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var degraded = condition(get(admin, ns.name(), "sales-copy"), "Degraded");
            assertThat(degraded.getReason()).isEqualTo("InstallDirClaimed");
            assertThat(degraded.getMessage()).contains(ns.name() + "/sales", "/data/iserver");
        });
        assertThat(operations(admin, ns.name())).extracting(op -> op.getSpec().getInstallation().getName())
                .containsExactly("sales");
    }

    private static EltmInstallation sales(String namespace, String hostNamespace, String host, String installDir) {
        EltmInstallation i = EltmInstallationReconcilerIT.installation(namespace, "sales", host, "8.4.2", false);
        i.getSpec().getTarget().getHost().setNamespace(hostNamespace);
        i.getSpec().getTarget().getHost().setInstallDir(installDir);
        return i;
    }

    private static String ownedBy(List<EltmOperation> ops, EltmInstallation owner) {
        return ops.stream().filter(op -> op.getSpec().getInstallation().getUid().equals(owner.getMetadata().getUid()))
                .findFirst().orElseThrow().getMetadata().getName();
    }

    private static EltmOperation single(KubernetesClient admin, String namespace) {
        List<EltmOperation> ops = operations(admin, namespace);
        return ops.size() == 1 ? ops.get(0) : null;
    }
}
