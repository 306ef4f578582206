package io.eltm.operator.plan;

import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.api.v1alpha1.OperationType;
import static io.eltm.operator.plan.Scenario.NOW;
import static io.eltm.operator.plan.Scenario.SHA256;
import static io.eltm.operator.plan.Scenario.installed;
import static io.eltm.operator.plan.Scenario.operation;
import static io.eltm.operator.plan.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.eltm.operator.plan.Decision.Complete;
import io.eltm.operator.plan.Decision.Fail;
import io.eltm.operator.plan.Decision.Follow;
import io.eltm.operator.plan.Decision.HostDisconnected;
import io.eltm.operator.plan.Decision.Refuse;
import io.eltm.operator.plan.Decision.StartOperation;
import io.eltm.operator.plan.Decision.Wait;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The planner's scenarios, with what the decision carries. {@link PlannerDecisionTableTest} covers every branch. */
class PlannerTest {

    @Test
    void startsOneUpgradeWhenDesiredDiffersFromReported() {
        Decision decision = scenario().plan();

        assertThat(decision).isInstanceOfSatisfying(StartOperation.class, start -> {
            assertThat(start.operationName()).matches("prod-a-[0-9a-f]{10}");
            assertThat(start.type()).isEqualTo(OperationType.UPGRADE);
            assertThat(start.releaseUrl()).isEqualTo("https://releases.example.com/eltm/eltm-portable-8.4.2.tar.gz");
            assertThat(start.sha256()).isEqualTo(SHA256);
            assertThat(start.targetVersion()).isEqualTo("8.4.2");
            assertThat(start.options()).isEqualTo(new OperationOptions(false, true, Duration.ofMinutes(5)));
            assertThat(start.message()).isEqualTo("eltm/prod-a on host etl-01: 8.4.1 → 8.4.2 with operation "
                    + start.operationName());
        });
    }

    @Test
    void namesTheOperationTheSameWhenAReconcileIsRepeatedAfterACrash() {
        String first = ((StartOperation) scenario().plan()).operationName();

        assertThat(((StartOperation) scenario().plan()).operationName()).isEqualTo(first);
        assertThat(((StartOperation) scenario().generation(4).plan()).operationName()).isNotEqualTo(first);
        assertThat(((StartOperation) scenario().desired("8.4.3").plan()).operationName()).isNotEqualTo(first);
        assertThat(((StartOperation) scenario().previousOperation(first).plan()).operationName()).isNotEqualTo(first);
    }

    @Test
    void keepsOperationNamesOfLongInstallationsWithinALabelValue() {
        Scenario scenario = scenario();
        scenario.name = "integration-server-of-the-accounting-department-in-frankfurt-2";

        String name = scenario.operationName();

        assertThat(name).hasSizeLessThanOrEqualTo(63).startsWith("integration-server-of-the-accounting-depart")
                .matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    }

    @Test
    void neverStartsAnOperationOnADisconnectedHost() {
        Decision decision = scenario().lease(NOW.minusSeconds(60)).plan();

        assertThat(decision).isInstanceOfSatisfying(HostDisconnected.class, disconnected -> {
            assertThat(disconnected.reason()).isEqualTo(Reasons.LEASE_EXPIRED);
            assertThat(disconnected.lastSeen()).isEqualTo(NOW.minusSeconds(60));
            assertThat(disconnected.message()).contains("etl-01", NOW.minusSeconds(60).toString());
        });
    }

    @Test
    void holdsTheLeaseUntilRenewTimePlusDurationHasPassed() {
        assertThat(scenario().lease(NOW.minusSeconds(40)).plan()).isInstanceOf(StartOperation.class);
        assertThat(scenario().lease(NOW.minusSeconds(40).minusMillis(1)).plan()).isInstanceOf(HostDisconnected.class);
    }

    @Test
    void waitsWhilePaused() {
        assertThat(scenario().paused().plan()).isInstanceOfSatisfying(Wait.class,
                wait -> assertThat(wait.message()).contains("spec.policy.paused"));
    }

    @Test
    void refusesADowngradeUnlessPolicyAllows() {
        Decision refused = scenario().desired("8.4.0").plan();
        Decision allowed = scenario().desired("8.4.0").allowDowngrade().plan();

        assertThat(refused).isInstanceOfSatisfying(Refuse.class, refuse -> assertThat(refuse.message())
                .isEqualTo("eltm/prod-a on host etl-01: runs 8.4.1 and spec.version asks for the older 8.4.0; "
                        + "set spec.policy.allowDowngrade: true to downgrade"));
        assertThat(allowed).isInstanceOfSatisfying(StartOperation.class, start -> {
            assertThat(start.targetVersion()).isEqualTo("8.4.0");
            assertThat(start.options().allowDowngrade()).isTrue();
        });
    }

    @Test
    void doesNotRetryARolledBackUpgradeUntilTheSpecChanges() {
        String name = scenario().operationName();
        Scenario ended = scenario().recorded(name, operation(name, OperationPhase.RolledBack, "verify"));

        assertThat(ended.plan()).isInstanceOfSatisfying(Fail.class, fail -> {
            assertThat(fail.lastHandledGeneration()).isEqualTo(3);
            assertThat(fail.operationName()).isEqualTo(name);
            assertThat(fail.message()).contains("RolledBack", "step verify", "health probe of https://127.0.0.1:8443/",
                    "not retried until the spec changes");
        });
        Scenario folded = scenario().lastHandledGeneration(3).previousOperation(name);
        assertThat(folded.plan()).isInstanceOf(Wait.class).extracting(Decision::reason)
                .isEqualTo(Reasons.AWAITING_SPEC_CHANGE);
        assertThat(folded.generation(4).plan()).isInstanceOf(StartOperation.class);
    }

    @Test
    void followsTheRecordedOperationAfterAnOperatorRestart() {
        // Restarted, the operator reads currentOperation from status; the spec meanwhile asks for another version.
        Scenario restarted = scenario().desired("8.4.3").generation(4).recorded("prod-a-1a2b3c4d5e",
                operation("prod-a-1a2b3c4d5e", OperationPhase.Running, "migrate"));

        assertThat(restarted.plan()).isInstanceOfSatisfying(Follow.class, follow -> {
            assertThat(follow.operationName()).isEqualTo("prod-a-1a2b3c4d5e");
            assertThat(follow.currentStep()).isEqualTo("migrate");
            assertThat(follow.message()).contains("Running to 8.4.2, step migrate",
                    "the changed spec is taken up when it ends");
        });
    }

    @Test
    void takesUpASpecChangedWhileTheFailedUpgradeRan() {
        String name = scenario().operationName();
        // The spec moved to 8.4.3 (generation 4) while the upgrade to 8.4.2 (generation 3) ran and then failed.
        Scenario changed = scenario().desired("8.4.3").generation(4)
                .recorded(name, operation(name, OperationPhase.Failed, "start"));

        assertThat(changed.plan()).isInstanceOfSatisfying(Fail.class, fail -> {
            assertThat(fail.lastHandledGeneration()).isZero();
            assertThat(fail.message()).contains("generation 4 is tried next");
        });
        assertThat(scenario().desired("8.4.3").generation(4).previousOperation(name).plan())
                .isInstanceOf(StartOperation.class);
    }

    @Test
    void completesTheRecordedOperationWhenItSucceeded() {
        OperationFacts succeeded = operation("prod-a-1a2b3c4d5e", OperationPhase.Succeeded, "verify");

        assertThat(scenario().recorded("prod-a-1a2b3c4d5e", succeeded).plan())
                .isEqualTo(new Complete(Reasons.UPGRADE_SUCCEEDED,
                        "eltm/prod-a, operation prod-a-1a2b3c4d5e: now runs 8.4.2 after 4123 ms of downtime", succeeded));
    }

    @Test
    void recreatesTheRecordedOperationUnderTheSameNameWhenTheOperatorStoppedBeforeCreatingIt() {
        Scenario interrupted = Scenario.recordedButNotCreated();

        assertThat(interrupted.plan()).isInstanceOfSatisfying(StartOperation.class,
                start -> assertThat(start.operationName()).isEqualTo(interrupted.recordedOperation));
    }

    @Test
    void declaresAVanishedOperationOfAnEarlierSpecLostAndTriesTheCurrentSpecNext() {
        Decision decision = scenario().generation(4).recorded("prod-a-0000000000", null).plan();

        assertThat(decision).isInstanceOfSatisfying(Fail.class, fail -> {
            assertThat(fail.reason()).isEqualTo(Reasons.OPERATION_LOST);
            assertThat(fail.lastHandledGeneration()).isZero();
            assertThat(fail.operation()).isNull();
        });
    }

    @Test
    void declaresAVanishedOperationLostWhenTheHostAlreadyRunsTheDesiredVersion() {
        Decision decision = Scenario.recordedButNotCreated().reported(installed("8.4.2")).plan();

        assertThat(decision).isInstanceOfSatisfying(Fail.class, fail -> {
            assertThat(fail.reason()).isEqualTo(Reasons.OPERATION_LOST);
            assertThat(fail.lastHandledGeneration()).isEqualTo(3);
        });
        assertThat(scenario().lastHandledGeneration(3).reported(installed("8.4.2")).plan().reason())
                .isEqualTo(Reasons.UP_TO_DATE);
    }

    @Test
    void reconcilesDriftWhenSomeoneUpgradedTheHostByHand() {
        // prod-a-1a2b3c4d5e brought the host to 8.4.2; then someone put 8.4.0 back by hand.
        Scenario downgradedByHand = scenario().previousOperation("prod-a-1a2b3c4d5e").reported(installed("8.4.0"));
        // ... or installed 8.5.0 by hand.
        Scenario upgradedByHand = scenario().previousOperation("prod-a-1a2b3c4d5e").reported(installed("8.5.0"));

        assertThat(downgradedByHand.plan()).isInstanceOfSatisfying(StartOperation.class, start -> {
            assertThat(start.targetVersion()).isEqualTo("8.4.2");
            assertThat(start.operationName()).isNotEqualTo("prod-a-1a2b3c4d5e");
        });
        assertThat(upgradedByHand.plan()).isInstanceOf(Refuse.class);
        assertThat(upgradedByHand.allowDowngrade().plan()).isInstanceOf(StartOperation.class);
    }

    @Test
    void leavesDriftAloneWhenTheGenerationAlreadyFailed() {
        Scenario drifted = scenario().lastHandledGeneration(3).reported(installed("8.4.0"));

        assertThat(drifted.plan()).isInstanceOf(Wait.class);
    }
}
