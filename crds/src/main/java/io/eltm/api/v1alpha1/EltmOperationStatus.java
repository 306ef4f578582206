package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** How an operation went, step by step; written by the executing agent (or Job) only. */
public class EltmOperationStatus {

  @JsonPropertyDescription("Pending, Running, Succeeded, Refused (nothing changed), RolledBack (the previous"
      + " release runs again) or Failed (not recovered: a person must act).")
  private OperationPhase phase;

  @JsonPropertyDescription("The operation's named steps in order, each written as it happens.")
  private List<OperationStep> steps = new ArrayList<>();

  @JsonPropertyDescription("When the agent started the operation (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("When the operation ended (RFC 3339).")
  private String finishedAt;

  @JsonPropertyDescription("Milliseconds the services were down: from the start of mstop-all to the first healthy"
      + " probe after mstart-all; unset if they never stopped.")
  private Long downtimeMillis;

  @JsonPropertyDescription("Why the operation did not succeed; unset otherwise.")
  private OperationError error;

  @JsonPropertyDescription("The shim's status --json at the end of the operation.")
  private InstallReport result;

  public OperationPhase getPhase() {
    return phase;
  }

  public void setPhase(OperationPhase phase) {
    this.phase = phase;
  }

  public List<OperationStep> getSteps() {
    return steps;
  }

  public void setSteps(List<OperationStep> steps) {
    this.steps = steps;
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

  public OperationError getError() {
    return error;
  }

  public void setError(OperationError error) {
    this.error = error;
  }

  public InstallReport getResult() {
    return result;
  }

  public void setResult(InstallReport result) {
    this.result = result;
  }
}
