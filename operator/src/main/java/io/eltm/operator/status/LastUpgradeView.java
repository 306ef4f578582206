package io.eltm.operator.status;

import java.time.Instant;

/**
 * {@code status.lastUpgrade}: the end of the last operation. {@code operation} (its name, beyond contract §8's
 * fields) feeds {@code InstallationFacts.previousOperation}, so the next operation gets a fresh name.
 *
 * @param result the operation's final phase: {@code Succeeded}, {@code Refused}, {@code RolledBack}, {@code Failed}
 */
public record LastUpgradeView(String operation, String from, String to, String result, Instant startedAt,
                              Instant finishedAt, Long downtimeMillis) {
}
