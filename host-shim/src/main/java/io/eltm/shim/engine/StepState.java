package io.eltm.shim.engine;

/** Where one step of an operation stands; written to the journal and to the cluster status. */
public enum StepState {
    PENDING, RUNNING, DONE, FAILED, UNDONE, SKIPPED
}
