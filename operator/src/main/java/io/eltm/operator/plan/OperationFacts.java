package io.eltm.operator.plan;

import java.time.Instant;

/**
 * The recorded {@code EltmOperation} as its agent last wrote it.
 *
 * @param currentStep the step running now, or the last one that ran (for example {@code migrate}); null before any
 * @param errorMessage the agent's {@code status.error.message}; null unless it failed
 * @param downtimeMillis services down from stop to the first healthy probe; null unless measured
 * @param result the shim's {@code status --json} at the end; null until it finished
 */
public record OperationFacts(String name, String targetVersion, OperationType type, OperationPhase phase,
                             String currentStep, String errorMessage, Long downtimeMillis, Instant startedAt,
                             Instant finishedAt, ReportedInstall result) {
}
