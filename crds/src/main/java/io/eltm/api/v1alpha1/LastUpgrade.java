package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The outcome of an installation's last upgrade or rollback. */
public class LastUpgrade {

  @JsonPropertyDescription("The name of the EltmOperation that did it.")
  private String operation;

  @JsonPropertyDescription("That EltmOperation's metadata.uid: a host report is trusted again once it reflects it.")
  private String operationUid;

  @JsonPropertyDescription("The version before the operation.")
  private String from;

  @JsonPropertyDescription("The version the operation aimed at.")
  private String to;

  @JsonPropertyDescription("Succeeded, Refused (nothing changed), RolledBack (the previous release runs again) or"
      + " Failed (not recovered: a person must act).")
  private OperationResult result;

  @JsonPropertyDescription("When the operation started (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("When the operation ended (RFC 3339).")
  private String finishedAt;

  @JsonPropertyDescription("Milliseconds the services were down: from the start of mstop-all to the first healthy"
      + " probe after mstart-all.")
  private Long downtimeMillis;

  public String getOperation() {
    return operation;
  }

  public void setOperation(String operation) {
    this.operation = operation;
  }

  public String getOperationUid() {
    return operationUid;
  }

  public void setOperationUid(String operationUid) {
    this.operationUid = operationUid;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public OperationResult getResult() {
    return result;
  }

  public void setResult(OperationResult result) {
    this.result = result;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getFinishedAt() {
    return finishedAt;
  }

  public void setFinishedAt(String finishedAt) {
    this.finishedAt = finishedAt;
  }

  public Long getDowntimeMillis() {
    return downtimeMillis;
  }

  public void setDowntimeMillis(Long downtimeMillis) {
    this.downtimeMillis = downtimeMillis;
  }
}
