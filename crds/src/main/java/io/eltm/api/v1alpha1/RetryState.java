package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A transient failure of the current spec (an operation create the API server refused, a retryable refusal). */
public class RetryState {

  @JsonPropertyDescription("How many times in a row the current spec failed transiently.")
  private Integer attempts;

  @JsonPropertyDescription("No new attempt before this time (RFC 3339, the operator's clock): exponential backoff.")
  private String notBefore;

  @JsonPropertyDescription("The metadata.generation that failed; a spec change starts afresh.")
  private Long generation;

  public RetryState() {
  }

  public RetryState(Integer attempts, String notBefore, Long generation) {
    this.attempts = attempts;
    this.notBefore = notBefore;
    this.generation = generation;
  }

  public Long getGeneration() {
    return generation;
  }

  public void setGeneration(Long generation) {
    this.generation = generation;
  }

  public Integer getAttempts() {
    return attempts;
  }

  public void setAttempts(Integer attempts) {
    this.attempts = attempts;
  }

  public String getNotBefore() {
    return notBefore;
  }

  public void setNotBefore(String notBefore) {
    this.notBefore = notBefore;
  }
}
