package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** The shim command an operation runs. */
public enum OperationType {
  @JsonProperty("upgrade")
  UPGRADE,
  @JsonProperty("rollback")
  ROLLBACK,
  @JsonProperty("check")
  CHECK;

  /** The name as written in the resource, for example {@code upgrade}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
