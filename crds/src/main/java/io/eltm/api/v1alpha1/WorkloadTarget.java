package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** An install on the volume of a StatefulSet in the same namespace. */
public class WorkloadTarget {

  /** An object name (RFC 1123 subdomain): lowercase letters, digits, '-' and '.'. */
  public static final String DNS_SUBDOMAIN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  @Required
  @Pattern(DNS_SUBDOMAIN)
  @JsonPropertyDescription("The StatefulSet running the install; it is scaled to zero for the swap and back after.")
  private String statefulSet;

  @Required
  @Pattern(DNS_SUBDOMAIN)
  @JsonPropertyDescription("The PersistentVolumeClaim holding ISERVER_HOME, mounted by the upgrade Job.")
  private String volumeClaim;

  @Default(HostTarget.DEFAULT_INSTALL_DIR)
  @Pattern("^/.*$")
  @JsonPropertyDescription("Where ISERVER_HOME is inside the volume as the pods mount it, an absolute path.")
  private String installDir;

  @JsonPropertyDescription("The Secret key holding the audit DB password (PGPASSWORD), when the pods get it from a"
      + " Secret; unset when the env file or trust authentication provides access.")
  private SecretKeyReference databasePassword;

  @JsonPropertyDescription("The image whose eltm-shim the upgrade Jobs run. Default: the eltm-shim image of the"
      + " operator's own version.")
  private String shimImage;

  public String getStatefulSet() {
    return statefulSet;
  }

  public void setStatefulSet(String statefulSet) {
    this.statefulSet = statefulSet;
  }

  public String getVolumeClaim() {
    return volumeClaim;
  }

  public void setVolumeClaim(String volumeClaim) {
    this.volumeClaim = volumeClaim;
  }

  public String getInstallDir() {
    return installDir;
  }

  public void setInstallDir(String installDir) {
    this.installDir = installDir;
  }

  public SecretKeyReference getDatabasePassword() {
    return databasePassword;
  }

  public void setDatabasePassword(SecretKeyReference databasePassword) {
    this.databasePassword = databasePassword;
  }

  public String getShimImage() {
    return shimImage;
  }

  public void setShimImage(String shimImage) {
    this.shimImage = shimImage;
  }
}
