package io.eltm.operator.plan;

import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.api.v1alpha1.OperationType;

import java.time.Instant;

/**
 * The planner's answer: the one next step for an installation. Every decision carries a {@code reason} (a CamelCase
 * constant of {@link Reasons}, used as the condition and Event reason) and a {@code message} for humans that names
 * the installation, the host and the versions.
 */
public sealed interface Decision {

    String reason();

    String message();

    /** Nothing to do now: up to date, paused, waiting for the agent, or a failure already recorded. */
    record Wait(String reason, String message) implements Decision {
    }

    /** The host's lease is missing or expired; no operation starts. {@code lastSeen} is null without a lease. */
    record HostDisconnected(String reason, String message, Instant lastSeen) implements Decision {
    }

    /**
     * Record {@code operationName} in {@code status.currentOperation}, then create that operation. The name is a
     * function of the spec, so repeating this after a crash creates nothing new.
     */
    record StartOperation(String reason, String message, String operationName, OperationType type,
                          String releaseUrl, String sha256, String targetVersion, OperationOptions options)
            implements Decision {
    }

    /** The recorded operation is pending or running; show its step. */
    record Follow(String reason, String message, String operationName, OperationPhase phase, String currentStep)
            implements Decision {
    }

    /** The recorded operation succeeded: fold its result into status and clear {@code currentOperation}. */
    record Complete(String reason, String message, OperationFacts operation) implements Decision {
    }

    /**
     * The recorded operation ended without reaching its target, or vanished: Degraded, clear
     * {@code currentOperation}, and record {@code lastHandledGeneration} — the current generation when the
     * operation was made for it (so it is not retried), else the earlier value (a spec changed during the
     * operation is tried next). {@code operation} is null when lost or never created. {@code retry} is set when the
     * failure was transient: the same spec is tried again after its backoff, and {@code lastHandledGeneration} is
     * left as it was.
     */
    record Fail(String reason, String message, String operationName, long lastHandledGeneration, OperationFacts operation,
                InstallationFacts.Retry retry) implements Decision {
    }

    /** The spec asks for something policy forbids or that cannot be carried out; Degraded, no operation. */
    record Refuse(String reason, String message) implements Decision {
    }
}
