package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Why an operation did not succeed: the shim's exit code and message. */
public class OperationError {

  @JsonPropertyDescription("The shim's exit code: 2 usage error, 3 refused before any change, 4 failed and rolled"
      + " back, 5 failed and not recovered.")
  private Integer code;

  @JsonPropertyDescription("The shim's message: what went wrong and, when not recovered, what a person must do.")
  private String message;

  @JsonPropertyDescription("True when the refusal was caused by a transient fault (a download that failed, an"
      + " unreachable service): the operator retries it with backoff. Otherwise a refusal waits for a spec change.")
  private Boolean retryable;

  public OperationError() {
  }

  public OperationError(Integer code, String message) {
    this.code = code;
    this.message = message;
  }

  public Integer getCode() {
    return code;
  }

  public void setCode(Integer code) {
    this.code = code;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public Boolean getRetryable() {
    return retryable;
  }

  public void setRetryable(Boolean retryable) {
    this.retryable = retryable;
  }
}
