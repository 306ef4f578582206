package io.eltm.api.v1alpha1;

/** How an upgrade or rollback ended: the shim's {@code lastOperation.result} (contract §6). */
public enum OperationResult {
  Succeeded, Refused, RolledBack, Failed
}
