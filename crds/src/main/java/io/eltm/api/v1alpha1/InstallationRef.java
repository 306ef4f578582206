package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * Which {@link EltmInstallation} an operation works for: namespace, name and uid. The uid tells a re-created
 * installation of the same name (or a same-named one in another namespace) from the one the operation was made for.
 */
public class InstallationRef {

  @Required
  @JsonPropertyDescription("The installation's namespace (operations may live in their host's namespace).")
  private String namespace;

  @Required
  @JsonPropertyDescription("The installation's name.")
  private String name;

  @Required
  @JsonPropertyDescription("The installation's metadata.uid: only that very object owns this operation.")
  private String uid;

  public InstallationRef() {
  }

  public InstallationRef(String namespace, String name, String uid) {
    this.namespace = namespace;
    this.name = name;
    this.uid = uid;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getUid() {
    return uid;
  }

  public void setUid(String uid) {
    this.uid = uid;
  }

  /** {@code namespace/name (uid)}, as messages name the owner. */
  @Override
  public String toString() {
    return namespace + "/" + name + " (uid " + uid + ")";
  }
}
