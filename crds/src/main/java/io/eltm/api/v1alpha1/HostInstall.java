package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One install on a host, as its agent reports it: the shim's status plus whether an operation holds it. */
public class HostInstall extends InstallReport {

  @JsonPropertyDescription("True while an upgrade or rollback holds this install's lock.")
  private Boolean operationInProgress;

  @JsonPropertyDescription("When the agent read this install (RFC 3339, the host's clock): the report reflects the"
      + " install as it was then.")
  private String observedAt;

  @JsonPropertyDescription("The metadata.uid of the last EltmOperation the install's journal records as finished"
      + " when it was read (the id of the shim's lastOperation); null when none.")
  private String lastOperationUid;

  public Boolean getOperationInProgress() {
    return operationInProgress;
  }

  public void setOperationInProgress(Boolean operationInProgress) {
    this.operationInProgress = operationInProgress;
  }

  public String getObservedAt() {
    return observedAt;
  }

  public void setObservedAt(String observedAt) {
    this.observedAt = observedAt;
  }

  public String getLastOperationUid() {
    return lastOperationUid;
  }

  public void setLastOperationUid(String lastOperationUid) {
    this.lastOperationUid = lastOperationUid;
  }
}
