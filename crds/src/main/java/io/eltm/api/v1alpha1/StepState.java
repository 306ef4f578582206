package io.eltm.api.v1alpha1;

/** Where one step stands; the same names as the shim's {@code io.eltm.shim.engine.StepState}. */
public enum StepState {
  PENDING, RUNNING, DONE, FAILED, UNDONE, SKIPPED
}
