package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One install on a host, as its agent reports it: the shim's status plus whether an operation holds it. */
public class HostInstall extends InstallReport {

  @JsonPropertyDescription("True while an upgrade or rollback holds this install's lock.")
  private Boolean operationInProgress;

  public Boolean getOperationInProgress() {
    return operationInProgress;
  }

  public void setOperationInProgress(Boolean operationInProgress) {
    this.operationInProgress = operationInProgress;
  }
}
