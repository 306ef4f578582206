package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** An install on the volume of a StatefulSet in the same namespace. */
public class WorkloadTarget {

  @Required
  @JsonPropertyDescription("The StatefulSet running the install; it is scaled to zero for the swap and back after.")
  private String statefulSet;

  @Required
  @JsonPropertyDescription("The PersistentVolumeClaim holding ISERVER_HOME, mounted by the upgrade Job.")
  private String volumeClaim;

  @Default(HostTarget.DEFAULT_INSTALL_DIR)
  @Pattern("^/.*$")
  @JsonPropertyDescription("Where ISERVER_HOME is inside the volume as the pods mount it, an absolute path.")
  private String installDir;

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
}
