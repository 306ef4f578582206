package io.eltm.operator.status;

import io.eltm.api.v1alpha1.OperationResult;
import java.time.Instant;

/**
 * {@code status.lastUpgrade}: the end of the last operation. {@code operation} (its name, beyond contract §8's
 * fields) feeds {@code InstallationFacts.previousOperation}, so the next operation gets a fresh name.
 *
 * @param operationUid that operation's uid: a host report is trusted once it reflects it
 * @param result the operation's final phase
 */
public record LastUpgradeView(String operation, String operationUid, String from, String to, OperationResult result,
                              Instant startedAt,
                              Instant finishedAt, Long downtimeMillis) {
}
