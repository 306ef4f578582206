package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One named step of an operation: the shim's {@code StepRecord}, the same shape as its journal. */
// The shim's JSON carries more than the cluster keeps (lastOperation, ...): read what is here, skip the rest.
@JsonIgnoreProperties(ignoreUnknown = true)
public class OperationStep {

  /** The step that changes the audit DB: the operator reports migration state while it runs. */
  public static final String MIGRATE = "migrate";

  @JsonPropertyDescription("The step's name, e.g. fetch, preflight, stop, swap, migrate, start, verify.")
  private String name;

  @JsonPropertyDescription("PENDING, RUNNING, DONE, FAILED, UNDONE (rolled back) or SKIPPED, as the shim writes it.")
  private StepState state;

  @JsonPropertyDescription("When the step started (RFC 3339); unset while pending.")
  private String startedAt;

  @JsonPropertyDescription("How long the step took, in milliseconds.")
  private Long millis;

  @JsonPropertyDescription("What the step did or why it failed; empty when there is nothing to add.")
  private String message;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public StepState getState() {
    return state;
  }

  public void setState(StepState state) {
    this.state = state;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public Long getMillis() {
    return millis;
  }

  public void setMillis(Long millis) {
    this.millis = millis;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
