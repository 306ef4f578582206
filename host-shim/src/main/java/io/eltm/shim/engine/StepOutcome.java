package io.eltm.shim.engine;

/** What a step's action reports: done with a message for the progress line, or skipped with why. */
public record StepOutcome(StepState state, String message) {

    public static StepOutcome done(String message) {
        return new StepOutcome(StepState.DONE, message);
    }

    public static StepOutcome skipped(String reason) {
        return new StepOutcome(StepState.SKIPPED, reason);
    }
}
