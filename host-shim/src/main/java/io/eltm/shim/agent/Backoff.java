package io.eltm.shim.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Exponential backoff for calls to the API server: each failure doubles the wait (from
 * {@code initial}, capped at {@code max}); a success resets it. Time comes from the injected clock,
 * so the schedule is tested without sleeping.
 */
public final class Backoff {

    /** The agent's schedule: 500 ms, 1 s, 2 s, ... never more than 30 s between attempts. */
    public static final Duration INITIAL = Duration.ofMillis(500);
    public static final Duration MAX = Duration.ofSeconds(30);

    private final Clock clock;
    private final Duration initial;
    private final Duration max;
    private Duration next;
    private Instant notBefore;
    private int failures;

    public Backoff(Clock clock, Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
        this.clock = clock;
        this.initial = initial;
        this.max = max;
        reset();
    }

    public static Backoff standard(Clock clock) {
        return new Backoff(clock, INITIAL, MAX);
    }

    /** Records a failed attempt; returns how long to wait before the next one. */
    public Duration failed() {
        Duration wait = next;
        failures++;
        notBefore = clock.instant().plus(wait);
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return wait;
    }

    /** Records a successful attempt: the next failure waits {@code initial} again. */
    public void succeeded() {
        reset();
    }

    /** True when the next attempt may be made now. */
    public boolean due() {
        return !clock.instant().isBefore(notBefore);
    }

    /** How long from now until the next attempt is due (zero when it is due). */
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), notBefore);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Failures since the last success. */
    public int failures() {
        return failures;
    }

    private void reset() {
        next = initial;
        notBefore = Instant.MIN;
        failures = 0;
    }
}
