package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** One key of a Secret in the installation's namespace. */
public class SecretKeyReference {

  @Required
  @Pattern(WorkloadTarget.DNS_SUBDOMAIN)
  @JsonPropertyDescription("The Secret's name, in the installation's namespace.")
  private String name;

  @Default("password")
  @JsonPropertyDescription("The key within the Secret.")
  private String key;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }
}
