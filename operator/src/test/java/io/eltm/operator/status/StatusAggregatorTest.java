package io.eltm.operator.status;

import static io.eltm.operator.plan.Scenario.NOW;
import static io.eltm.operator.plan.Scenario.installed;
import static io.eltm.operator.plan.Scenario.operation;
import static io.eltm.operator.plan.Scenario.scenario;
import static io.eltm.operator.status.ConditionView.DEGRADED;
import static io.eltm.operator.status.ConditionView.HOST_CONNECTED;
import static io.eltm.operator.status.ConditionView.PROGRESSING;
import static io.eltm.operator.status.ConditionView.READY;
import static io.eltm.operator.status.Reconciles.reconcile;
import static io.eltm.operator.status.Reconciles.settled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.eltm.api.v1alpha1.InstallationPhase;
import io.eltm.api.v1alpha1.MigrationState;
import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.api.v1alpha1.OperationResult;
import io.eltm.operator.plan.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusAggregatorTest {

    private static final Instant LATER = NOW.plusSeconds(300);
    /** The operation the default scenario's spec gets. */
    private static final String OPERATION = scenario().operationName();

    @Test
    void announcesEveryConditionOnTheFirstReconcile() {
        StatusUpdate update = reconcile(StatusView.empty(), scenario().reported(installed("8.4.2")));

        assertThat(update.transitions()).extracting("type", "from", "to", "reason").containsExactly(
                tuple(READY, null, "True", "UpToDate"), tuple(PROGRESSING, null, "False", "UpToDate"),
                tuple(DEGRADED, null, "False", "AsExpected"), tuple(HOST_CONNECTED, null, "True", "LeaseHeld"));
        assertThat(update.status().conditions()).allSatisfy(condition ->
                assertThat(condition.lastTransitionTime()).isEqualTo(NOW));
    }

    @Test
    void keepsLastTransitionTimeAndAnnouncesNothingWhenNothingChanged() {
        Scenario upToDate = scenario().reported(installed("8.4.2"));
        StatusView before = settled(upToDate);

        StatusUpdate update = reconcile(before, upToDate.lease(LATER.minusSeconds(5)), LATER);

        assertThat(update.transitions()).isEmpty();
        assertThat(update.status()).isEqualTo(before);
    }

    @Test
    void movesLastTransitionTimeOnlyForConditionsWhoseStatusChanged() {
        StatusView ready = settled(scenario().reported(installed("8.4.2")));

        StatusUpdate update = reconcile(ready, scenario().desired("8.4.3").generation(4)
                .reported(installed("8.4.2")).lease(LATER.minusSeconds(5)), LATER);

        assertThat(update.transitions()).extracting("type", "from", "to", "reason").containsExactly(
                tuple(READY, "True", "False", "Upgrading"), tuple(PROGRESSING, "False", "True", "UpgradeRequested"));
        assertThat(update.status().condition(READY).lastTransitionTime()).isEqualTo(LATER);
        assertThat(update.status().condition(PROGRESSING).lastTransitionTime()).isEqualTo(LATER);
        assertThat(update.status().condition(DEGRADED).lastTransitionTime()).isEqualTo(NOW);
        assertThat(update.status().condition(HOST_CONNECTED).lastTransitionTime()).isEqualTo(NOW);
    }

    @Test
    void setsObservedGenerationOnTheStatusAndEveryCondition() {
        StatusView status = settled(scenario().generation(7));

        assertThat(status.observedGeneration()).isEqualTo(7);
        assertThat(status.conditions()).extracting(ConditionView::observedGeneration).containsOnly(7L);
    }

    @Test
    void recordsTheOperationInStatusBeforeItIsCreated() {
        Scenario behind = scenario();

        StatusView status = settled(behind);

        assertThat(status.currentOperation()).isEqualTo(behind.operationName());
        assertThat(status.version()).isEqualTo("8.4.1");
        assertThat(status.phase()).isEqualTo(InstallationPhase.Upgrading);
    }

    @Test
    void showsTheCurrentStepWhileUpgradingWithoutAnnouncingEachStep() {
        Scenario swapping = scenario().recorded(OPERATION, operation(OPERATION, OperationPhase.Running, "swap"));
        StatusView before = settled(swapping);

        StatusUpdate update = reconcile(before,
                scenario().recorded(OPERATION, operation(OPERATION, OperationPhase.Running, "migrate")));

        assertThat(update.transitions()).isEmpty();
        assertThat(update.status().condition(PROGRESSING).message()).endsWith("Running to 8.4.2, step migrate");
        assertThat(update.status().migrations().state()).isEqualTo(MigrationState.Migrating);
        assertThat(update.status().currentOperation()).isEqualTo(OPERATION);
    }

    @Test
    void foldsASuccessfulUpgradeIntoVersionAndLastUpgrade() {
        StatusView started = settled(scenario());
        StatusView upgrading = reconcile(started,
                scenario().recorded(OPERATION, operation(OPERATION, OperationPhase.Running, "swap"))).status();

        StatusUpdate update = reconcile(upgrading,
                scenario().recorded(OPERATION, operation(OPERATION, OperationPhase.Succeeded, "verify")), LATER);

        StatusView status = update.status();
        assertThat(status.phase()).isEqualTo(InstallationPhase.Ready);
        assertThat(status.version()).isEqualTo("8.4.2");
        assertThat(status.currentOperation()).isNull();
        assertThat(status.lastUpgrade()).isEqualTo(new LastUpgradeView(OPERATION, "uid-" + OPERATION, "8.4.1", "8.4.2",
                OperationResult.Succeeded,
                NOW.minusSeconds(120), NOW.minusSeconds(5), 4123L));
        assertThat(update.transitions()).extracting("type", "to").containsExactly(
                tuple(READY, "True"), tuple(PROGRESSING, "False"), tuple(HOST_CONNECTED, "False"));
    }

    @Test
    void marksARolledBackUpgradeDegradedWithTheAgentsMessageAndKeepsItUntilTheSpecChanges() {
        StatusView upgrading = settled(scenario().recorded(OPERATION, operation(OPERATION, OperationPhase.Running, "verify")));

        StatusUpdate failed = reconcile(upgrading,
                scenario().recorded(OPERATION, operation(OPERATION, OperationPhase.RolledBack, "verify")));
        StatusUpdate waiting = reconcile(failed.status(),
                scenario().lastHandledGeneration(3).previousOperation(OPERATION).lease(LATER.minusSeconds(5)), LATER);

        ConditionView degraded = failed.status().condition(DEGRADED);
        assertThat(degraded.status()).isEqualTo("True");
        assertThat(degraded.reason()).isEqualTo("UpgradeRolledBack");
        assertThat(degraded.message()).contains("health probe of https://127.0.0.1:8443/ failed for 300 s");
        assertThat(failed.status().lastHandledGeneration()).isEqualTo(3);
        assertThat(failed.status().currentOperation()).isNull();
        assertThat(failed.status().lastUpgrade().result()).isEqualTo(OperationResult.RolledBack);
        assertThat(failed.transitions()).extracting("type").containsExactly(PROGRESSING, DEGRADED);
        assertThat(waiting.transitions()).isEmpty();
        assertThat(waiting.status().condition(DEGRADED)).isEqualTo(degraded);
        assertThat(waiting.status().phase()).isEqualTo(InstallationPhase.Degraded);
    }

    @Test
    void marksMigrationsFailedWhenTheUpgradeFailedWhileMigrating() {
        StatusView status = settled(scenario().recorded(OPERATION, operation(OPERATION, OperationPhase.Failed, "migrate")));

        assertThat(status.migrations().state()).isEqualTo(MigrationState.Failed);
        assertThat(status.phase()).isEqualTo(InstallationPhase.Degraded);
    }

    @Test
    void showsWhatTheHostRunsAfterSomeoneUpgradedItByHand() {
        StatusView ready = settled(scenario().reported(installed("8.4.2")));

        StatusUpdate update = reconcile(ready, scenario().reported(installed("8.5.0")));

        assertThat(update.status().version()).isEqualTo("8.5.0");
        assertThat(update.status().phase()).isEqualTo(InstallationPhase.Degraded);
        assertThat(update.status().condition(DEGRADED).reason()).isEqualTo("DowngradeNotAllowed");
        assertThat(update.transitions()).extracting("type").containsExactly(READY, DEGRADED);
    }

    @Test
    void keepsDegradedAsItWasWhileTheHostIsDisconnected() {
        StatusView refused = settled(scenario().desired("8.4.0"));

        StatusUpdate update = reconcile(refused, scenario().desired("8.4.0").lease(NOW.minusSeconds(90)));

        assertThat(update.status().phase()).isEqualTo(InstallationPhase.HostDisconnected);
        assertThat(update.status().condition(DEGRADED)).isEqualTo(refused.condition(DEGRADED));
        assertThat(update.status().condition(HOST_CONNECTED).message())
                .isEqualTo("the agent of host etl-01 was last seen renewing its lease at " + NOW.minusSeconds(90)
                        + " (the operator's clock)");
        assertThat(update.transitions()).extracting("type", "from", "to")
                .containsExactly(tuple(READY, "False", "Unknown"), tuple(HOST_CONNECTED, "True", "False"));
    }

    @Test
    void leavesTheFailureMarkAloneWhenTheFailedOperationWasMadeForAnEarlierSpec() {
        StatusView upgrading = settled(scenario().recorded(OPERATION, operation(OPERATION, OperationPhase.Running, "start")));

        StatusView failed = reconcile(upgrading, scenario().desired("8.4.3").generation(4)
                .recorded(OPERATION, operation(OPERATION, OperationPhase.Failed, "start"))).status();

        assertThat(failed.lastHandledGeneration()).isZero();
        assertThat(failed.lastUpgrade().result()).isEqualTo(OperationResult.Failed);
        assertThat(failed.currentOperation()).isNull();
        assertThat(failed.condition(DEGRADED).message()).contains("generation 4 is tried next");
    }

    @Test
    void aReportOlderThanTheFoldedOperationChangesNothing() {
        StatusView upgrading = settled(scenario().recorded(OPERATION, operation(OPERATION, OperationPhase.Running,
                "swap")));
        StatusView ready = reconcile(upgrading, scenario().recorded(OPERATION, operation(OPERATION,
                OperationPhase.Succeeded, "verify"))).status();
        // the folded end is NOW-5s; the agent's last report (8.4.1) was read at NOW-10s
        Scenario stale = scenario().previousOperation(OPERATION, NOW.minusSeconds(5)).reported(
                new io.eltm.operator.plan.ReportedInstall("8.4.1", null, "3f2c9a1", "12", List.of(), true, false,
                        NOW.minusSeconds(10), null));

        StatusUpdate update = reconcile(ready, stale);

        assertThat(update.status().phase()).isEqualTo(InstallationPhase.Ready);
        assertThat(update.status().version()).isEqualTo("8.4.2");
        assertThat(update.status().lastUpgrade()).isEqualTo(ready.lastUpgrade());
        assertThat(update.status().condition(READY)).isEqualTo(ready.condition(READY));
        assertThat(update.transitions()).extracting("type").doesNotContain(READY, DEGRADED);
    }

    @Test
    void keepsConditionsOfOtherTypesAsTheyWere() {
        ConditionView foreign = new ConditionView("Archived", "True", "ByAdmin", "kept for audit", NOW, 1);
        StatusView before = settled(scenario());
        List<ConditionView> withForeign = new ArrayList<>(before.conditions());
        withForeign.add(foreign);

        StatusView after = reconcile(new StatusView(before.phase(), withForeign, 3, before.version(), before.builtAt(),
                before.gitSha(), before.migrations(), null, before.currentOperation(), 0, null), scenario()).status();

        assertThat(after.condition("Archived")).isEqualTo(foreign);
        assertThat(after.conditions()).hasSize(5);
    }
}
