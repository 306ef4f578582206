package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

/** How upgrades of an installation may proceed. Every field has a default filled in by the API server. */
public class Policy {

  @Default("false")
  @JsonPropertyDescription("Allow spec.version to be older than the installed version (passes --allow-downgrade).")
  private Boolean allowDowngrade;

  @Default("true")
  @JsonPropertyDescription("Roll back to the previous release when an upgrade fails. False passes --no-rollback:"
      + " a failed upgrade is left for a person to inspect.")
  private Boolean autoRollback;

  @Default("180")
  @Min(1)
  @JsonPropertyDescription("Seconds the upgraded install has to become healthy before the upgrade counts as"
      + " failed (--health-timeout).")
  private Integer healthTimeout;

  @Default("false")
  @JsonPropertyDescription("Start no new operation while true; an operation already running is followed to its"
      + " end. The phase shows Paused.")
  private Boolean paused;

  public Boolean getAllowDowngrade() {
    return allowDowngrade;
  }

  public void setAllowDowngrade(Boolean allowDowngrade) {
    this.allowDowngrade = allowDowngrade;
  }

  public Boolean getAutoRollback() {
    return autoRollback;
  }

  public void setAutoRollback(Boolean autoRollback) {
    this.autoRollback = autoRollback;
  }

  public Integer getHealthTimeout() {
    return healthTimeout;
  }

  public void setHealthTimeout(Integer healthTimeout) {
    this.healthTimeout = healthTimeout;
  }

  public Boolean getPaused() {
    return paused;
  }

  public void setPaused(Boolean paused) {
    this.paused = paused;
  }
}
