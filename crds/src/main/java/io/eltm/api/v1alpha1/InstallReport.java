package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * What runs in one install directory: the shim's {@code status --json} (contract §6) without its
 * {@code lastOperation}, which the operation's own status carries.
 */
// The shim's JSON carries more than the cluster keeps (lastOperation, ...): read what is here, skip the rest.
@JsonIgnoreProperties(ignoreUnknown = true)
public class InstallReport {

  @JsonPropertyDescription("The install's ISERVER_HOME.")
  private String installDir;

  @JsonPropertyDescription("The release version running there (its VERSION file).")
  private String version;

  @JsonPropertyDescription("When that release was built.")
  private String builtAt;

  @JsonPropertyDescription("The git commit that release was built from.")
  private String gitSha;

  @JsonPropertyDescription("Whether the install's health probe passed.")
  private Boolean healthy;

  @JsonPropertyDescription("The audit database's migration state.")
  private SchemaReport schema;

  public String getInstallDir() {
    return installDir;
  }

  public void setInstallDir(String installDir) {
    this.installDir = installDir;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getBuiltAt() {
    return builtAt;
  }

  public void setBuiltAt(String builtAt) {
    this.builtAt = builtAt;
  }

  public String getGitSha() {
    return gitSha;
  }

  public void setGitSha(String gitSha) {
    this.gitSha = gitSha;
  }

  public Boolean getHealthy() {
    return healthy;
  }

  public void setHealthy(Boolean healthy) {
    this.healthy = healthy;
  }

  public SchemaReport getSchema() {
    return schema;
  }

  public void setSchema(SchemaReport schema) {
    this.schema = schema;
  }
}
