package io.eltm.api.v1alpha1;

/** Where an {@link EltmOperation} stands; the last four are final. The operator's planner uses this enum itself. */
public enum OperationPhase {
  Pending, Running, Succeeded, Refused, RolledBack, Failed;

  /** Not finished yet: the operator follows it. */
  public boolean isActive() {
    return this == Pending || this == Running;
  }

  /** Finished without reaching the target version. */
  public boolean isFailure() {
    return this == Refused || this == RolledBack || this == Failed;
  }

  /** The result of {@code lastUpgrade} an operation ending in this phase records; null while active. */
  public OperationResult result() {
    return isActive() ? null : OperationResult.valueOf(name());
  }
}
