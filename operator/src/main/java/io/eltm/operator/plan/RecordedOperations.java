package io.eltm.operator.plan;

import io.eltm.api.ReleaseVersion;
import io.eltm.api.v1alpha1.OperationPhase;

import io.eltm.operator.plan.Decision.Complete;
import io.eltm.operator.plan.Decision.Fail;
import io.eltm.operator.plan.Decision.Follow;
import java.time.Instant;

/**
 * Decides for an installation whose status records an operation: follow it, fold its end, or — when it does not
 * exist — re-create it or declare it lost. Never a second operation while one is recorded: a spec changed
 * meanwhile is taken up after the recorded operation ends.
 */
final class RecordedOperations {

    private RecordedOperations() {
    }

    static Decision plan(InstallationFacts installation, HostFacts host, OperationFacts operation, Instant now) {
        String recorded = installation.recordedOperation();
        // The name is a function of the spec: it matches only when the operation was made for the current one.
        boolean forCurrentSpec = recorded.equals(OperationNames.forSpec(installation));
        String subject = installation.qualifiedName() + ", operation " + recorded;
        if (operation == null) {
            // Intent is recorded before the operation is created; an operator stopped between the two leaves a
            // recorded name without an operation. While the name still matches the spec and the host is not yet
            // at the desired version, create it now. Otherwise it is lost; the next round sees the host as it is.
            if (forCurrentSpec && !reportsDesired(installation, host)) {
                if (!host.isConnectedAt(now)) {
                    return Disconnections.of(installation, host);
                }
                String from = host.reported() == null ? "unknown" : host.reported().version();
                return StartOperations.of(installation, installation.qualifiedName() + " on host " + host.hostName(),
                        from, Reasons.OPERATION_RECREATED);
            }
            return new Fail(Reasons.OPERATION_LOST, subject + ": the recorded operation no longer exists"
                    + notRetried(installation, forCurrentSpec), recorded, handled(installation, forCurrentSpec), null,
                    null);
        }
        OperationPhase phase = operation.phase();
        if (phase.isActive()) {
            String step = operation.currentStep();
            return new Follow(phase == OperationPhase.Pending ? Reasons.OPERATION_PENDING : Reasons.OPERATION_RUNNING,
                    subject + ": " + phase + " to " + operation.targetVersion()
                            + (step == null ? "" : ", step " + step)
                            + (forCurrentSpec ? "" : "; the changed spec is taken up when it ends"),
                    recorded, phase, step);
        }
        if (phase == OperationPhase.Succeeded) {
            return new Complete(Reasons.UPGRADE_SUCCEEDED, subject + ": now runs " + operation.targetVersion()
                    + (operation.downtimeMillis() == null ? "" : " after " + operation.downtimeMillis() + " ms of downtime"),
                    operation);
        }
        String reason = switch (phase) {
            case Refused -> Reasons.UPGRADE_REFUSED;
            case RolledBack -> Reasons.UPGRADE_ROLLED_BACK;
            default -> Reasons.UPGRADE_FAILED;
        };
        String error = operation.errorMessage() == null ? "no message from the agent" : operation.errorMessage();
        String failed = subject + ": " + phase + " on the way to " + operation.targetVersion()
                + (operation.currentStep() == null ? "" : " at step " + operation.currentStep()) + ": " + error;
        if (phase == OperationPhase.Refused && operation.retryable() && forCurrentSpec) {
            // a transient fault (a download that failed): the same spec is tried again, after a backoff
            InstallationFacts.Retry retry = Backoff.next(installation, now);
            return new Fail(reason, failed + "; a transient refusal, attempt " + retry.attempts() + ", retried at "
                    + retry.notBefore(), recorded, installation.lastHandledGeneration(), operation, retry);
        }
        return new Fail(reason, failed + notRetried(installation, forCurrentSpec), recorded,
                handled(installation, forCurrentSpec), operation, null);
    }

    /** Only a failure of the current spec blocks it; one of an earlier spec leaves the current one to be tried. */
    private static long handled(InstallationFacts installation, boolean forCurrentSpec) {
        return forCurrentSpec ? installation.generation() : installation.lastHandledGeneration();
    }

    private static String notRetried(InstallationFacts installation, boolean forCurrentSpec) {
        return forCurrentSpec ? "; not retried until the spec changes"
                : "; it was made for an earlier spec, so generation " + installation.generation() + " is tried next";
    }

    private static boolean reportsDesired(InstallationFacts installation, HostFacts host) {
        String reported = host.reported() == null ? null : host.reported().version();
        String desired = installation.desiredVersion();
        if (ReleaseVersion.isValid(reported) && ReleaseVersion.isValid(desired)) {
            return ReleaseVersion.parse(reported).compareTo(ReleaseVersion.parse(desired)) == 0;
        }
        return false;
    }
}
