package io.eltm.operator.plan;

import static io.eltm.operator.plan.Scenario.NOW;
import static io.eltm.operator.plan.Scenario.installed;
import static io.eltm.operator.plan.Scenario.operation;
import static io.eltm.operator.plan.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.operator.plan.Decision.Fail;
import io.eltm.operator.plan.Decision.Refuse;
import io.eltm.operator.plan.Decision.StartOperation;
import io.eltm.operator.plan.Decision.Wait;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Issue 10 in the pure planner: who may target a host, identity, stale reports, backoff, create failures. */
class PlannerIsolationTest {

    @Test
    void aNamespaceTheHostDoesNotAllowIsRefusedNamingTheHostAndTheRule() {
        Decision decision = scenario().installationNamespace("team-b").hostAllows(true, "team-a").plan();

        assertThat(decision).isInstanceOfSatisfying(Refuse.class, refuse -> {
            assertThat(refuse.reason()).isEqualTo(Reasons.NAMESPACE_NOT_ALLOWED);
            assertThat(refuse.message()).contains("team-b/prod-a", "host eltm/etl-01",
                    "spec.allowedNamespaces [team-a] does not list namespace team-b", "Nothing was created");
        });
        assertThat(scenario().installationNamespace("team-b").hostAllows(false).plan().message())
                .contains("it has no EltmHost in namespace eltm");
    }

    @Test
    void theHostsOwnNamespaceAndTheNamespacesItListsMayTargetIt() {
        assertThat(scenario().plan()).isInstanceOf(StartOperation.class);
        assertThat(scenario().installationNamespace("team-a").hostAllows(true, "team-a").plan())
                .isInstanceOf(StartOperation.class);
    }

    @Test
    void aNewerInstallationOfAnInstallDirAlreadyTargetedIsRefusedNamingTheOther() {
        Decision decision = scenario().installDirClaimedBy("team-a/sales").plan();

        assertThat(decision.reason()).isEqualTo(Reasons.INSTALL_DIR_CLAIMED);
        assertThat(decision.message()).contains("/data/iserver", "eltm/etl-01", "team-a/sales");
    }

    @Test
    void operationNamesAreThoseOfOneInstallationUidOnly() {
        String here = scenario().operationName();

        assertThat(scenario().installationNamespace("other").operationName()).isNotEqualTo(here);
        assertThat(scenario().operationName()).isEqualTo(here);
        assertThat(here.length()).isLessThanOrEqualTo(63);
    }

    @Test
    void aReportReadBeforeTheLastOperationEndedIsNotTrusted() {
        Instant ended = NOW.minusSeconds(1);
        Decision stale = scenario().previousOperation("prod-a-1111111111", ended).plan();

        assertThat(stale).isInstanceOfSatisfying(Wait.class,
                wait -> assertThat(wait.reason()).isEqualTo(Reasons.REPORT_PREDATES_OPERATION));
    }

    @Test
    void aReportReadAfterTheEndOrReflectingTheOperationIsTrusted() {
        Instant ended = NOW.minusSeconds(1);
        ReportedInstall after = new ReportedInstall("8.4.2", null, null, "12", java.util.List.of(), true, false,
                NOW, null);
        ReportedInstall journal = new ReportedInstall("8.4.2", null, null, "12", java.util.List.of(), true, false,
                NOW.minusSeconds(5), "uid-prod-a-1111111111");

        assertThat(scenario().previousOperation("prod-a-1111111111", ended).reported(after).plan().reason())
                .isEqualTo(Reasons.UP_TO_DATE);
        assertThat(scenario().previousOperation("prod-a-1111111111", ended).reported(journal).plan().reason())
                .isEqualTo(Reasons.UP_TO_DATE);
    }

    @Test
    void aTransientRefusalIsRetriedAfterABackoffAndAPolicyRefusalWaitsForASpecChange() {
        Scenario scenario = scenario();
        String name = scenario.operationName();
        OperationFacts refused = operation(name, OperationPhase.Refused, "fetch");
        OperationFacts transientRefusal = new OperationFacts(refused.name(), refused.uid(), refused.targetVersion(),
                refused.type(), refused.phase(), refused.currentStep(), "Download failed: connection refused", true,
                null, refused.startedAt(), refused.finishedAt(), null);

        Decision policy = scenario().recorded(name, refused).plan();
        Decision retried = scenario().recorded(name, transientRefusal).plan();

        assertThat(policy).isInstanceOfSatisfying(Fail.class, fail -> {
            assertThat(fail.lastHandledGeneration()).isEqualTo(3);
            assertThat(fail.retry()).isNull();
        });
        assertThat(retried).isInstanceOfSatisfying(Fail.class, fail -> {
            assertThat(fail.lastHandledGeneration()).isZero();
            assertThat(fail.retry()).isEqualTo(new InstallationFacts.Retry(1, NOW.plusSeconds(10), 3));
        });
        InstallationFacts.Retry waiting = new InstallationFacts.Retry(1, NOW.plusSeconds(10), 3);
        assertThat(scenario().retry(waiting).plan().reason()).isEqualTo(Reasons.RETRY_BACKOFF);
        assertThat(scenario().retry(waiting).generation(4).plan()).isInstanceOf(StartOperation.class);
        assertThat(new Planner().plan(scenario().retry(waiting).installation(), scenario().host(), null,
                NOW.plusSeconds(11))).isInstanceOf(StartOperation.class);
    }

    @Test
    void backoffDoublesFromTenSecondsToFiveMinutes() {
        assertThat(Backoff.after(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(Backoff.after(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Backoff.after(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(Backoff.after(6)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Backoff.after(60)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aRefusedCreateIsDegradedWithTheApiMessageRetriedUnlessTheObjectIsInvalid() {
        InstallationFacts installation = scenario().installation();

        Decision quota = CreateFailures.of(installation, "prod-a-x", 403, "exceeded quota: ops", null, NOW);
        Decision invalid = CreateFailures.of(installation, "prod-a-x", 422, "spec.targetVersion: Invalid", null, NOW);
        Decision taken = CreateFailures.of(installation, "prod-a-x", 409, "exists", "other/prod-a (uid u2)", NOW);

        assertThat(quota).isInstanceOfSatisfying(Fail.class, fail -> {
            assertThat(fail.reason()).isEqualTo(Reasons.OPERATION_CREATE_FAILED);
            assertThat(fail.message()).contains("HTTP 403", "exceeded quota: ops", "attempt 1");
            assertThat(fail.retry()).isNotNull();
        });
        assertThat(invalid).isInstanceOfSatisfying(Fail.class, fail -> {
            assertThat(fail.retry()).isNull();
            assertThat(fail.lastHandledGeneration()).isEqualTo(installation.generation());
        });
        assertThat(taken.reason()).isEqualTo(Reasons.OPERATION_NAME_TAKEN);
        assertThat(taken.message()).contains("other/prod-a (uid u2)", "not adopted");
    }

    @Test
    void installedDefaultsAreStillTrustedWithoutAnEndedOperation() {
        assertThat(scenario().reported(installed("8.4.2")).plan().reason()).isEqualTo(Reasons.UP_TO_DATE);
    }
}
