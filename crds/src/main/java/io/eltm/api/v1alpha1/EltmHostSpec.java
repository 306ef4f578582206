package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What an admin says about a host; the host's name is its metadata.name. */
public class EltmHostSpec {

  @JsonPropertyDescription("Free text for people, e.g. where the machine is and who owns it.")
  private String description;

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
