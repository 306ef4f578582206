package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * How upgrades of an installation may proceed. Every field but the health timeout has a default filled in by the API
 * server; the health timeout's default (180 s) is applied by the operator, so that the deprecated {@code healthTimeout}
 * can still be read (a schema default on the new name would hide an old spec's value).
 */
@ValidationRule(value = "!has(self.healthTimeout) || !has(self.healthTimeoutSeconds)"
    + " || self.healthTimeout == self.healthTimeoutSeconds", message = Policy.BOTH_TIMEOUTS_MESSAGE)
public class Policy {

  public static final int DEFAULT_HEALTH_TIMEOUT_SECONDS = 180;
  public static final int DEFAULT_OPERATION_HISTORY_LIMIT = 10;
  public static final String BOTH_TIMEOUTS_MESSAGE = "spec.policy.healthTimeout is the deprecated name of"
      + " healthTimeoutSeconds: set only healthTimeoutSeconds";

  @Default("false")
  @JsonPropertyDescription("Allow spec.version to be older than the installed version (passes --allow-downgrade).")
  private Boolean allowDowngrade;

  @Default("true")
  @JsonPropertyDescription("Roll back to the previous release when an upgrade fails. False passes --no-rollback:"
      + " a failed upgrade is left for a person to inspect.")
  private Boolean autoRollback;

  @Min(1)
  @JsonPropertyDescription("Seconds the upgraded install has to become healthy before the upgrade counts as"
      + " failed (--health-timeout). Default 180.")
  private Integer healthTimeoutSeconds;

  @Min(1)
  @JsonPropertyDescription("Deprecated: the former name of healthTimeoutSeconds, still read in v1alpha1; removed in"
      + " the next API version.")
  private Integer healthTimeout;

  @Default("10")
  @Min(1)
  @JsonPropertyDescription("How many ended EltmOperations of this installation are kept; older ones are deleted.")
  private Integer operationHistoryLimit;

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

  public Integer getHealthTimeoutSeconds() {
    return healthTimeoutSeconds;
  }

  public void setHealthTimeoutSeconds(Integer healthTimeoutSeconds) {
    this.healthTimeoutSeconds = healthTimeoutSeconds;
  }

  /** The timeout in force: {@code healthTimeoutSeconds}, else the deprecated {@code healthTimeout}, else 180. */
  public int effectiveHealthTimeoutSeconds() {
    return healthTimeoutSeconds != null ? healthTimeoutSeconds
        : healthTimeout != null ? healthTimeout : DEFAULT_HEALTH_TIMEOUT_SECONDS;
  }

  public Integer getOperationHistoryLimit() {
    return operationHistoryLimit;
  }

  public void setOperationHistoryLimit(Integer operationHistoryLimit) {
    this.operationHistoryLimit = operationHistoryLimit;
  }

  public Boolean getPaused() {
    return paused;
  }

  public void setPaused(Boolean paused) {
    this.paused = paused;
  }
}
