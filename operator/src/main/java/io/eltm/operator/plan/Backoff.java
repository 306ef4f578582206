package io.eltm.operator.plan;

import java.time.Duration;
import java.time.Instant;

/** Exponential backoff for transient failures: 10 s after the first, doubling, at most 5 minutes. */
public final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(10);
    static final Duration MAX = Duration.ofMinutes(5);

    private Backoff() {
    }

    /** The delay after the {@code attempts}-th failure in a row (1-based). */
    public static Duration after(int attempts) {
        Duration delay = FIRST;
        for (int i = 1; i < attempts && delay.compareTo(MAX) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX) > 0 ? MAX : delay;
    }

    /** The retry state after one more transient failure of {@code installation}'s current spec at {@code now}. */
    static InstallationFacts.Retry next(InstallationFacts installation, Instant now) {
        int attempts = installation.failedAttempts() + 1;
        return new InstallationFacts.Retry(attempts, now.plus(after(attempts)), installation.generation());
    }
}
