package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmOperationStatus;
import io.eltm.api.v1alpha1.OperationError;
import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.api.v1alpha1.OperationStep;
import io.eltm.api.v1alpha1.StepState;
import io.eltm.shim.engine.StepRecord;

import java.time.Instant;
import java.util.List;

/** Builds an {@code EltmOperation} status from what the engine reports: plain functions, table-tested. */
final class OperationStatuses {

    private OperationStatuses() {
    }

    static OperationStep step(StepRecord record) {
        OperationStep step = new OperationStep();
        step.setName(record.name());
        step.setState(StepState.valueOf(record.state().name()));
        step.setStartedAt(Rfc3339.of(record.startedAt()));
        step.setMillis(record.millis());
        step.setMessage(record.message() == null ? "" : record.message());
        return step;
    }

    /** Phase Running: the operation has started and these steps have been heard of so far. */
    static EltmOperationStatus running(Instant startedAt, List<StepRecord> steps) {
        EltmOperationStatus status = new EltmOperationStatus();
        status.setPhase(OperationPhase.Running);
        status.setStartedAt(Rfc3339.of(startedAt));
        status.setSteps(steps.stream().map(OperationStatuses::step).toList());
        return status;
    }

    /** The terminal status: result, timings, the error unless it succeeded, and the install's status. */
    static EltmOperationStatus finished(Instant startedAt, List<StepRecord> steps, OperationOutcome outcome) {
        EltmOperationStatus status = running(startedAt, steps);
        status.setPhase(outcome.phase());
        status.setFinishedAt(Rfc3339.of(outcome.finishedAt()));
        status.setDowntimeMillis(outcome.downtimeMillis());
        if (outcome.phase() != OperationPhase.Succeeded) {
            status.setError(new OperationError(outcome.exitCode(), outcome.message()));
        }
        if (outcome.install() != null) {
            status.setResult(InstallReports.report(outcome.install()));
        }
        return status;
    }

    static boolean terminal(EltmOperationStatus status) {
        return status != null && status.getPhase() != null && switch (status.getPhase()) {
            case Succeeded, Refused, RolledBack, Failed -> true;
            case Pending, Running -> false;
        };
    }
}
