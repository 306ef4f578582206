package io.eltm.operator.reconcile;

import io.eltm.api.v1alpha1.EltmInstallation;
import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.testing.kube.AdmissionBlock;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;

import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static io.eltm.operator.reconcile.EltmInstallationReconcilerIT.installation;
import static io.eltm.operator.reconcile.OperatorFixture.condition;
import static io.eltm.operator.reconcile.OperatorFixture.get;
import static io.eltm.operator.reconcile.OperatorFixture.operations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10 items 5, 9, 10 and 12 on the real API server: deletion behind a finalizer and history pruning, liveness on
 * the operator's clock, failed creates visible and retried, only agent Leases watched. The agent's side is
 * {@link ScriptedAgentStandIn}: these prove the operator's behaviour, not the agent's.
 */
@ExtendWith(KubeControlPlaneExtension.class)
class ControlLoopIT {

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
    void anInstallationDeletedMidUpgradeStaysUntilItsRunningOperationEndsThenItsOperationsGo(KubernetesClient admin,
                                                                                             TestNamespace ns) {
        String hosts = OperatorFixture.namespace(admin, ns.name() + "-hosts");
        ScriptedAgentStandIn agent = new ScriptedAgentStandIn(admin, hosts, "etl-20");
        agent.reports("8.4.1", "2");
        agent.allows(ns.name());
        agent.renewsLease(Instant.now());
        EltmInstallation sales = installation(ns.name(), "sales", "etl-20", "8.4.2", false);
        sales.getSpec().getTarget().getHost().setNamespace(hosts);
        admin.resource(sales).create();
        EltmOperation op = await().atMost(Duration.ofSeconds(30)).until(() -> operations(admin, hosts),
                ops -> ops.size() == 1).get(0);
        agent.starts(op);

        admin.resources(EltmInstallation.class).inNamespace(ns.name()).withName("sales").delete();

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(get(admin, ns.name(), "sales").getMetadata().getDeletionTimestamp()).isNotNull();
            assertThat(operations(admin, hosts)).hasSize(1);
        });
        agent.finishes(op, OperationPhase.Succeeded, "8.4.2", "4", null);

        await().atMost(Duration.ofSeconds(30)).until(() -> get(admin, ns.name(), "sales") == null
                && operations(admin, hosts).isEmpty());
    }

    @Test
    void endedOperationsArePrunedToTheHistoryLimit(KubernetesClient admin, TestNamespace ns) {
        ScriptedAgentStandIn agent = new ScriptedAgentStandIn(admin, ns.name(), "etl-21");
        agent.reports("8.4.1", "2");
        agent.renewsLease(Instant.now());
        EltmInstallation sales = installation(ns.name(), "sales", "etl-21", "8.4.2", false);
        sales.getSpec().getPolicy().setOperationHistoryLimit(1);
        admin.resource(sales).create();
        EltmOperation first = await().atMost(Duration.ofSeconds(30)).until(() -> operations(admin, ns.name()),
                ops -> ops.size() == 1).get(0);
        agent.finishes(first, OperationPhase.Succeeded, "8.4.2", "4", null);
        agent.reports("8.4.2", "4");
        await().atMost(Duration.ofSeconds(30)).until(() -> "Ready".equals(OperatorFixture.phase(admin, ns.name(), "sales")));

        admin.resources(EltmInstallation.class).inNamespace(ns.name()).withName("sales")
                .edit(i -> { i.getSpec().setVersion("8.4.3"); return i; });
        EltmOperation second = await().atMost(Duration.ofSeconds(30)).until(() -> operations(admin, ns.name())
                .stream().filter(o -> "8.4.3".equals(o.getSpec().getTargetVersion())).findFirst().orElse(null),
                o -> o != null);
        agent.finishes(second, OperationPhase.Succeeded, "8.4.3", "5", null);
        agent.reports("8.4.3", "5");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(operations(admin, ns.name()))
                .extracting(o -> o.getMetadata().getName()).containsExactly(second.getMetadata().getName()));
    }

    @Test
    void aHostWhoseClockIsSkewedStaysConnectedWhileItRenewsAndIsDisconnectedWhenItStops(KubernetesClient admin,
                                                                                      TestNamespace ns) {
        ScriptedAgentStandIn agent = new ScriptedAgentStandIn(admin, ns.name(), "etl-22");
        agent.reports("8.4.2", "4");
        ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor();
        // the VM's clock is 10 minutes behind: every renewTime it writes is already "expired" by the operator's clock
        renewals.scheduleAtFixedRate(() -> agent.renewsLease(Instant.now().minus(Duration.ofMinutes(10)), 3), 0, 1,
                TimeUnit.SECONDS);
        try {
            admin.resource(installation(ns.name(), "sales", "etl-22", "8.4.2", false)).create();
            await().atMost(Duration.ofSeconds(30)).until(() -> "Ready".equals(OperatorFixture.phase(admin, ns.name(), "sales")));
            await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(condition(get(admin, ns.name(), "sales"), "HostConnected").getStatus()).isEqualTo("True"));
        } finally {
            renewals.shutdownNow();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            EltmInstallation i = get(admin, ns.name(), "sales");
            assertThat(i.getStatus()).as("status").isNotNull();
            assertThat(i.getStatus().getPhase().name()).isEqualTo("HostDisconnected");
            assertThat(condition(i, "HostConnected").getMessage()).contains("the operator's clock");
        });
        // written right after the installation's status
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.resources(
                io.eltm.api.v1alpha1.EltmHost.class).inNamespace(ns.name()).withName("etl-22").get().getStatus()
                .getConnected()).isEqualTo("False"));
    }

    @Test
    void aLeaseWithoutTheAgentLabelIsNotWatched(KubernetesClient admin, TestNamespace ns) {
        ScriptedAgentStandIn agent = new ScriptedAgentStandIn(admin, ns.name(), "etl-23");
        agent.reports("8.4.1", "2");
        admin.resource(new LeaseBuilder().withNewMetadata().withName("eltm-agent-etl-23").withNamespace(ns.name())
                .endMetadata().withNewSpec().withHolderIdentity("etl-23").withLeaseDurationSeconds(40)
                .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC)).endSpec().build()).create();

        admin.resource(installation(ns.name(), "sales", "etl-23", "8.4.2", false)).create();

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(condition(get(admin, ns.name(), "sales"), "HostConnected").getReason())
                        .isEqualTo("LeaseMissing"));
        assertThat(operations(admin, ns.name())).isEmpty();

        agent.renewsLease(Instant.now()); // the agent's own renewal carries the label
        await().atMost(Duration.ofSeconds(30)).until(() -> operations(admin, ns.name()).size() == 1);
    }

    @Test
    void aRefusedCreateIsDegradedWithTheApiMessageAndRetriedWithBackoffOnceTheCauseIsGone(KubernetesClient admin,
                                                                                       TestNamespace ns) {
        ScriptedAgentStandIn agent = new ScriptedAgentStandIn(admin, ns.name(), "etl-24");
        agent.reports("8.4.1", "2");
        agent.renewsLease(Instant.now());
        EltmInstallation created;
        try (AdmissionBlock quota = AdmissionBlock.deny(admin, "no-ops-" + ns.name(), ns.name(), "eltm.io",
                "eltmoperations", "\"CREATE\"", "true", "test quota: no more EltmOperations in this namespace")) {
            // the policy is in force once the API server refuses a probe
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                try {
                    admin.resource(OperatorFixture.operation(ns.name(), "probe", "etl-24",
                            new io.eltm.api.v1alpha1.InstallationRef(ns.name(), "probe", "probe"))).dryRun().create();
                    return false;
                } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                    return e.getCode() == 403;
                }
            });
            created = admin.resource(installation(ns.name(), "sales", "etl-24", "8.4.2", false)).create();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                EltmInstallation i = get(admin, ns.name(), "sales");
                assertThat(i.getStatus()).as("status").isNotNull();
                assertThat(i.getStatus().getPhase().name()).isEqualTo("Degraded");
                assertThat(condition(i, "Degraded").getReason()).isEqualTo("OperationCreateFailed");
                assertThat(condition(i, "Degraded").getMessage()).contains("HTTP 403",
                        "test quota: no more EltmOperations in this namespace", "attempt");
                assertThat(i.getStatus().getCurrentOperation()).isNull();
                assertThat(i.getStatus().getRetry().getAttempts()).isPositive();
            });
            assertThat(operations(admin, ns.name())).isEmpty();
        }

        List<EltmOperation> ops = await().atMost(Duration.ofSeconds(60)).until(() -> operations(admin, ns.name()),
                list -> list.size() == 1);
        assertThat(ops.get(0).getSpec().getInstallation().getUid()).isEqualTo(created.getMetadata().getUid());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(OperatorFixture.phase(admin, ns.name(), "sales")).isEqualTo("Upgrading"));
    }
}
