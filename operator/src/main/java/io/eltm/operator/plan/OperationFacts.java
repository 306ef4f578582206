package io.eltm.operator.plan;

import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.api.v1alpha1.OperationType;

import java.time.Instant;

/**
 * The recorded {@code EltmOperation} as its agent last wrote it.
 *
 * @param uid its {@code metadata.uid}
 * @param currentStep the step running now, or the last one that ran (for example {@code migrate}); null before any
 * @param errorMessage the agent's {@code status.error.message}; null unless it failed
 * @param retryable the agent marked its refusal transient ({@code status.error.retryable})
 * @param downtimeMillis services down from stop to the first healthy probe; null unless measured
 * @param result the shim's {@code status --json} at the end; null until it finished
 */
public record OperationFacts(String name, String uid, String targetVersion, OperationType type, OperationPhase phase,
                             String currentStep, String errorMessage, boolean retryable, Long downtimeMillis,
                             Instant startedAt, Instant finishedAt, ReportedInstall result) {

    /** What {@code status.lastUpgrade} keeps of it once it ended. */
    public InstallationFacts.EndedOperation ended() {
        return new InstallationFacts.EndedOperation(name, uid, finishedAt);
    }
}
