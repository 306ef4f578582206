package io.eltm.shim.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

class BackoffTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T06:00:00Z"));
    private final Backoff backoff = Backoff.standard(clock);

    @Test
    void doublesTheWaitAfterEachFailureUpToThirtySeconds() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            waits.add(backoff.failed().toMillis());
        }

        assertThat(waits).containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L);
        assertThat(backoff.failures()).isEqualTo(9);
    }

    @Test
    void isDueOnlyOnceTheWaitHasPassedOnTheClock() {
        assertThat(backoff.due()).as("no failure yet").isTrue();

        backoff.failed();
        backoff.failed();

        assertThat(backoff.due()).isFalse();
        assertThat(backoff.remaining()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofMillis(999));
        assertThat(backoff.due()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(backoff.due()).isTrue();
        assertThat(backoff.remaining()).isZero();
    }

    @Test
    void aSuccessStartsTheScheduleAgain() {
        backoff.failed();
        backoff.failed();
        backoff.failed();

        backoff.succeeded();

        assertThat(backoff.due()).isTrue();
        assertThat(backoff.failures()).isZero();
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void refusesAScheduleThatCannotGrow() {
        assertThatThrownBy(() -> new Backoff(clock, Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 < initial <= max");
    }
}
