package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** What to do, fixed at creation: a changed plan is a new operation, so status always describes this one. */
@ValidationRule(value = "self == oldSelf", message = EltmOperationSpec.IMMUTABLE_MESSAGE)
@ValidationRule(value = "self.type == 'rollback' || has(self.release)", message = EltmOperationSpec.RELEASE_MESSAGE)
public class EltmOperationSpec {

  public static final String IMMUTABLE_MESSAGE = "spec is immutable: create a new EltmOperation";
  public static final String RELEASE_MESSAGE = "spec.release is required unless spec.type is rollback";

  @Required
  @JsonPropertyDescription("The EltmInstallation this operation works for: namespace, name and uid.")
  private InstallationRef installation;

  @Pattern(HostTarget.DNS_LABEL)
  @JsonPropertyDescription("The host whose agent runs the operation (the installation's spec.target.host.name);"
      + " unset for a workload target, where a Job runs it. The label eltm.io/host carries the same name.")
  private String host;

  @Required
  @JsonPropertyDescription("upgrade, rollback (to the release installed before the last upgrade) or check"
      + " (pre-flight only, changes nothing).")
  private OperationType type;

  @JsonPropertyDescription("The release to install, its URL template already resolved. Unset for rollback.")
  private Release release;

  @Pattern(EltmInstallationSpec.VERSION_PATTERN)
  @JsonPropertyDescription("The version the operation aims at.")
  private String targetVersion;

  @JsonPropertyDescription("Flags passed to the shim.")
  private OperationOptions options;

  public InstallationRef getInstallation() {
    return installation;
  }

  public void setInstallation(InstallationRef installation) {
    this.installation = installation;
  }

  public String getHost() {
    return host;
  }

  public void setHost(String host) {
    this.host = host;
  }

  public OperationType getType() {
    return type;
  }

  public void setType(OperationType type) {
    this.type = type;
  }

  public Release getRelease() {
    return release;
  }

  public void setRelease(Release release) {
    this.release = release;
  }

  public String getTargetVersion() {
    return targetVersion;
  }

  public void setTargetVersion(String targetVersion) {
    this.targetVersion = targetVersion;
  }

  public OperationOptions getOptions() {
    return options;
  }

  public void setOptions(OperationOptions options) {
    this.options = options;
  }
}
