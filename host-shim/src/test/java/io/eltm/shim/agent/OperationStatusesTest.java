package io.eltm.shim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.eltm.api.v1alpha1.EltmOperationStatus;
import io.eltm.api.v1alpha1.HostInstall;
import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.api.v1alpha1.OperationStep;
import io.eltm.shim.engine.StepRecord;
import io.eltm.shim.engine.StepState;
import io.eltm.shim.status.InstallStatus;
import io.eltm.shim.status.SchemaStatus;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class OperationStatusesTest {

    private static final Instant START = Instant.parse("2026-11-26T06:00:00Z");
    private static final InstallStatus ON_842 = new InstallStatus("/data/iserver", "8.4.2", "2026-11-01T10:15:00Z",
            "3f2c9a1", true, new SchemaStatus("4", List.of(), null), null, false);

    @Test
    void mapsAStepRecordFieldByField() {
        StepRecord stop = StepRecord.pending("stop").running(START).ended(StepState.DONE, START.plusMillis(1200),
                "mstop-all");

        OperationStep step = OperationStatuses.step(stop);

        assertThat(step.getName()).isEqualTo("stop");
        assertThat(step.getState()).isEqualTo(io.eltm.api.v1alpha1.StepState.DONE);
        assertThat(step.getStartedAt()).isEqualTo("2026-11-26T06:00:00Z");
        assertThat(step.getMillis()).isEqualTo(1200);
        assertThat(step.getMessage()).isEqualTo("mstop-all");
    }

    @Test
    void aPendingStepHasNoStartTime() {
        assertThat(OperationStatuses.step(StepRecord.pending("swap")).getStartedAt()).isNull();
    }

    @Test
    void runningCarriesTheStepsHeardSoFar() {
        EltmOperationStatus status = OperationStatuses.running(START, List.of(StepRecord.pending("fetch").running(START)));

        assertThat(status.getPhase()).isEqualTo(OperationPhase.Running);
        assertThat(status.getStartedAt()).isEqualTo("2026-11-26T06:00:00Z");
        assertThat(status.getSteps()).extracting(OperationStep::getName).containsExactly("fetch");
        assertThat(status.getFinishedAt()).isNull();
    }

    @ParameterizedTest(name = "{0} → phase {1}, error code {2}")
    @CsvSource({
            "Succeeded,  Succeeded,  ",
            "Refused,    Refused,    3",
            "RolledBack, RolledBack, 4",
            "Failed,     Failed,     5",
            "Unheard,    Failed,     5"})
    void aResultBecomesThePhaseAndTheContractsExitCode(String result, OperationPhase phase, Integer code) {
        OperationOutcome outcome = new OperationOutcome(result, START.plusSeconds(30), 4123L, "the message", ON_842);

        EltmOperationStatus status = OperationStatuses.finished(START, List.of(), outcome);

        assertThat(status.getPhase()).isEqualTo(phase);
        assertThat(status.getFinishedAt()).isEqualTo("2026-11-26T06:00:30Z");
        assertThat(status.getDowntimeMillis()).isEqualTo(4123L);
        if (code == null) {
            assertThat(status.getError()).isNull();
        } else {
            assertThat(status.getError().getCode()).isEqualTo(code);
            assertThat(status.getError().getMessage()).isEqualTo("the message");
        }
        assertThat(OperationStatuses.terminal(status)).isTrue();
    }

    @Test
    void theResultIsTheInstallsStatusAtTheEnd() {
        EltmOperationStatus status = OperationStatuses.finished(START, List.of(),
                new OperationOutcome("Succeeded", START, null, "", ON_842));

        assertThat(status.getResult().getInstallDir()).isEqualTo("/data/iserver");
        assertThat(status.getResult().getVersion()).isEqualTo("8.4.2");
        assertThat(status.getResult().getBuiltAt()).isEqualTo("2026-11-01T10:15:00Z");
        assertThat(status.getResult().getGitSha()).isEqualTo("3f2c9a1");
        assertThat(status.getResult().getHealthy()).isTrue();
        assertThat(status.getResult().getSchema().getCurrent()).isEqualTo("4");
        assertThat(status.getResult().getSchema().getPending()).isEmpty();
    }

    @Test
    void aHostInstallSaysWhetherAnOperationHoldsIt() {
        HostInstall idle = InstallReports.hostInstall(ON_842, false, null);
        HostInstall busy = InstallReports.hostInstall(ON_842, true, null);

        assertThat(idle.getOperationInProgress()).isFalse();
        assertThat(busy.getOperationInProgress()).isTrue();
        assertThat(busy.getVersion()).isEqualTo("8.4.2");
    }

    @Test
    void aHostInstallSaysWhenItWasReadAndWhichOperationTheJournalLastFinished() {
        InstallStatus afterUpgrade = new InstallStatus("/data/iserver", "8.4.2", "2026-11-01T10:15:00Z", "3f2c9a1",
                true, new SchemaStatus("4", List.of(), null), new io.eltm.shim.status.LastOperation("uid-7", "upgrade",
                "8.4.1", "8.4.2", "Succeeded", null, null, 900L, List.of(), ""), false);

        HostInstall report = InstallReports.hostInstall(afterUpgrade, false, java.time.Instant.parse(
                "2026-12-01T10:00:00Z"));

        assertThat(report.getObservedAt()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(report.getLastOperationUid()).isEqualTo("uid-7");
        assertThat(InstallReports.hostInstall(ON_842, false, null).getLastOperationUid()).isNull();
    }

    @Test
    void pendingAndRunningAreNotTerminal() {
        EltmOperationStatus status = new EltmOperationStatus();
        assertThat(OperationStatuses.terminal(null)).isFalse();
        assertThat(OperationStatuses.terminal(status)).isFalse();
        status.setPhase(OperationPhase.Pending);
        assertThat(OperationStatuses.terminal(status)).isFalse();
        status.setPhase(OperationPhase.Running);
        assertThat(OperationStatuses.terminal(status)).isFalse();
    }
}
