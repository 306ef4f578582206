package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The shim command an operation runs. */
public enum OperationType {
  @JsonProperty("upgrade")
  UPGRADE,
  @JsonProperty("rollback")
  ROLLBACK,
  @JsonProperty("check")
  CHECK
}
