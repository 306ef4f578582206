package io.eltm.api.v1alpha1;

/** Where an {@link EltmOperation} stands; the last four are final. */
public enum OperationPhase {
  Pending, Running, Succeeded, Refused, RolledBack, Failed
}
