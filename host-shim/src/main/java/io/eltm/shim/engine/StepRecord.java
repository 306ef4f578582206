package io.eltm.shim.engine;

import java.time.Instant;

/**
 * What happened to one named step: the one shape read by the progress output, the journal,
 * {@code lastOperation.steps} and the cluster's {@code EltmOperation} status.
 *
 * @param message what the step did or why it failed; empty when there is nothing to add
 */
public record StepRecord(String name, StepState state, Instant startedAt, long millis, String message) {

    public static StepRecord pending(String name) {
        return new StepRecord(name, StepState.PENDING, null, 0, "");
    }

    public StepRecord running(Instant now) {
        return new StepRecord(name, StepState.RUNNING, now, 0, "");
    }

    public StepRecord ended(StepState state, Instant now, String message) {
        long millis = startedAt == null ? 0 : Math.max(0, now.toEpochMilli() - startedAt.toEpochMilli());
        return new StepRecord(name, state, startedAt, millis, message == null ? "" : message);
    }

    public boolean started() {
        return state != StepState.PENDING && state != StepState.SKIPPED;
    }
}
