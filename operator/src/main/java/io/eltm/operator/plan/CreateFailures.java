package io.eltm.operator.plan;

import io.eltm.operator.plan.Decision.Fail;

import java.time.Instant;

/**
 * The decision when the API server refused to create the operation a {@link Decision.StartOperation} asked for. An
 * invalid object (400, 422) or a name owned by another installation cannot succeed for this spec: Degraded until it
 * changes. Anything else (403 from a quota or an admission policy, 429, 5xx, no answer) may pass later: Degraded and
 * retried with backoff.
 */
public final class CreateFailures {

    private CreateFailures() {
    }

    /**
     * @param code the HTTP status, 0 when the API server did not answer
     * @param apiMessage the API server's message
     * @param takenBy when the name exists already and belongs to another installation: that owner; else null
     */
    public static Decision of(InstallationFacts installation, String operationName, int code, String apiMessage,
                              String takenBy, Instant now) {
        String subject = installation.qualifiedName() + " on host " + installation.target().hostName();
        if (takenBy != null) {
            return new Fail(Reasons.OPERATION_NAME_TAKEN, subject + ": operation " + operationName + " already exists"
                    + " and belongs to " + takenBy + ", not to this installation; it is not adopted. Change the spec"
                    + " to get a new name", operationName, installation.generation(), null, null);
        }
        String failed = subject + ": the API server refused to create operation " + operationName
                + (code == 0 ? "" : " (HTTP " + code + ")") + ": " + apiMessage;
        if (code == 400 || code == 422) {
            return new Fail(Reasons.OPERATION_CREATE_FAILED, failed + "; not retried until the spec changes",
                    operationName, installation.generation(), null, null);
        }
        InstallationFacts.Retry retry = Backoff.next(installation, now);
        return new Fail(Reasons.OPERATION_CREATE_FAILED, failed + "; attempt " + retry.attempts() + ", retried at "
                + retry.notBefore(), operationName, installation.lastHandledGeneration(), null, retry);
    }
}
