package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** The shim flags of one operation, copied by the operator from the installation's policy. */
public class OperationOptions {

  @JsonPropertyDescription("Pass --allow-downgrade: the target may be older than what runs.")
  private Boolean allowDowngrade;

  @JsonPropertyDescription("Pass --baseline V: treat a database without migration history as being at V.")
  private String baseline;

  @JsonPropertyDescription("Pass --no-rollback: leave a failed upgrade as it is for a person to inspect.")
  private Boolean noRollback;

  @Min(1)
  @JsonPropertyDescription("Pass --health-timeout SECONDS.")
  private Integer healthTimeoutSeconds;

  public Boolean getAllowDowngrade() {
    return allowDowngrade;
  }

  public void setAllowDowngrade(Boolean allowDowngrade) {
    this.allowDowngrade = allowDowngrade;
  }

  public String getBaseline() {
    return baseline;
  }

  public void setBaseline(String baseline) {
    this.baseline = baseline;
  }

  public Boolean getNoRollback() {
    return noRollback;
  }

  public void setNoRollback(Boolean noRollback) {
    this.noRollback = noRollback;
  }

  public Integer getHealthTimeoutSeconds() {
    return healthTimeoutSeconds;
  }

  public void setHealthTimeoutSeconds(Integer healthTimeoutSeconds) {
    this.healthTimeoutSeconds = healthTimeoutSeconds;
  }
}
