package io.eltm.shim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.eltm.api.v1alpha1.EltmOperationStatus;
import io.eltm.api.v1alpha1.OperationPhase;
import io.eltm.shim.engine.StepRecord;
import io.eltm.shim.engine.StepState;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The writer keeps the final result until an API server that refuses the first writes finally takes it. */
class OperationStatusWriterTest {

    private final Instant start = Instant.parse("2026-11-26T06:00:00Z");

    @Test
    void keepsTheFinalResultUntilTheApiServerTakesIt() throws InterruptedException {
        List<EltmOperationStatus> accepted = new CopyOnWriteArrayList<>();
        AtomicInteger refusals = new AtomicInteger(2);
        StatusPatch unreachableTwice = status -> {
            if (refusals.getAndDecrement() > 0) {
                throw new IllegalStateException("connection refused");
            }
            accepted.add(status);
        };

        try (OperationStatusWriter writer = new OperationStatusWriter("ns/op", unreachableTwice, Clock.systemUTC())) {
            writer.running(start);
            StepRecord fetch = StepRecord.pending("fetch").running(start);
            writer.stepStarted(fetch);
            writer.stepEnded(fetch.ended(StepState.DONE, start.plusSeconds(1), ""));
            writer.finished(new OperationOutcome("Succeeded", start.plusSeconds(2), null, "", null), List.of());

            // the real backoff: 0.5 s then 1 s before the third attempt
            assertThat(writer.awaitWritten(Duration.ofSeconds(10))).isTrue();
        }

        EltmOperationStatus last = accepted.get(accepted.size() - 1);
        assertThat(last.getPhase()).isEqualTo(OperationPhase.Succeeded);
        assertThat(last.getSteps()).singleElement().satisfies(s -> {
            assertThat(s.getName()).isEqualTo("fetch");
            assertThat(s.getState()).isEqualTo(io.eltm.api.v1alpha1.StepState.DONE);
            assertThat(s.getMillis()).isEqualTo(1000);
        });
        assertThat(refusals.get()).isNegative();
    }

    @Test
    void stopsWritingAndWaitingOnceTheOperationIsGone() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        StatusPatch deleted = status -> {
            attempts.incrementAndGet();
            throw new StatusPatch.OperationGone("operation ns/op (uid u1) was deleted", null);
        };

        try (OperationStatusWriter writer = new OperationStatusWriter("ns/op", deleted, Clock.systemUTC())) {
            writer.running(start);
            writer.finished(new OperationOutcome("Succeeded", start.plusSeconds(2), null, "", null), List.of());

            assertThat(writer.awaitWritten(Duration.ofSeconds(10))).as("not waiting for a write that cannot happen")
                    .isTrue();
            assertThat(writer.gone()).isTrue();
        }
        assertThat(attempts.get()).as("no retry against a deleted operation").isEqualTo(1);
    }
}
