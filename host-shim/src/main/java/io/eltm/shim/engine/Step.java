package io.eltm.shim.engine;

/**
 * One named step of an operation: an action and the undo that takes it back. Both must be
 * idempotent and able to run after a crash in the middle of the action, because crash recovery
 * replays undos from the journal without knowing how far the action got.
 */
public interface Step {

    String name();

    /** Does the step; says what it did for the progress line. */
    StepOutcome run(OperationContext ctx) throws Exception;

    /** Takes the step back; safe to call whether the action ran fully, partly or not at all. */
    void undo(OperationContext ctx) throws Exception;

    /** True once services are stopped: from here a failure must be rolled back. */
    default boolean changesInstall() {
        return true;
    }
}
