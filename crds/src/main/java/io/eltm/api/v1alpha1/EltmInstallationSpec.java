package io.eltm.api.v1alpha1;

import io.eltm.api.ReleaseVersion;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** What a user wants: a release version, where it comes from, where it runs, and how carefully. */
public class EltmInstallationSpec {

  /** The release version syntax (contract §4), the same as the shim's {@code ReleaseVersion.REGEX}. */
  public static final String VERSION_PATTERN = ReleaseVersion.REGEX;

  @Required
  @Pattern(VERSION_PATTERN)
  @JsonPropertyDescription("The desired release version, as written in the release's VERSION file, e.g. 8.4.2 or"
      + " 8.5.0-rc1. Changing it asks the operator to upgrade (or, with policy.allowDowngrade, to downgrade).")
  private String version;

  @Required
  @JsonPropertyDescription("Where the release tarball comes from.")
  private Release release;

  @Required
  @ValidationRule(value = "has(self.host) != has(self.workload)",
      message = "set exactly one of spec.target.host or spec.target.workload")
  @JsonPropertyDescription("Where the install lives: exactly one of host (a machine running the eltm agent) or"
      + " workload (a StatefulSet's volume).")
  private Target target;

  @Default("{}")
  @JsonPropertyDescription("How upgrades of this installation are allowed to proceed.")
  private Policy policy;

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public Release getRelease() {
    return release;
  }

  public void setRelease(Release release) {
    this.release = release;
  }

  public Target getTarget() {
    return target;
  }

  public void setTarget(Target target) {
    this.target = target;
  }

  public Policy getPolicy() {
    return policy;
  }

  public void setPolicy(Policy policy) {
    this.policy = policy;
  }
}
