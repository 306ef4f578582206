package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** What an admin says about a host; the host's name is its metadata.name. */
public class EltmHostSpec {

  @JsonPropertyDescription("Free text for people, e.g. where the machine is and who owns it.")
  private String description;

  @JsonPropertyDescription("Namespaces whose EltmInstallations may target this host, besides the host's own namespace"
      + " (always allowed). Empty (the default): only installations in the host's namespace. The operator refuses"
      + " an installation from any other namespace and creates nothing for it.")
  private List<String> allowedNamespaces = new ArrayList<>();

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<String> getAllowedNamespaces() {
    return allowedNamespaces;
  }

  public void setAllowedNamespaces(List<String> allowedNamespaces) {
    this.allowedNamespaces = allowedNamespaces;
  }
}
