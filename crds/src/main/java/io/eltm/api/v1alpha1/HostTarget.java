package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * An install on a registered host: the {@link EltmHost} of that name in the host's namespace, which is
 * where its agent reads its operations (one namespace per host confines what an agent can read).
 */
public class HostTarget {

  /** The default ISERVER_HOME (contract §1). */
  public static final String DEFAULT_INSTALL_DIR = "/data/iserver";

  /** A DNS label (RFC 1123): it also names the agent's ServiceAccount, eltm-agent-NAME. */
  public static final String DNS_LABEL = "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$";

  @Required
  @Pattern(DNS_LABEL)
  @JsonPropertyDescription("The host's name, as registered with `eltm-shim host add NAME` (its EltmHost): a DNS"
      + " label, lowercase letters, digits and '-'.")
  private String name;

  @Pattern(DNS_LABEL)
  @JsonPropertyDescription("The namespace the host was registered in (`host add NAME --namespace NS`): its EltmHost,"
      + " Lease and EltmOperations live there. Default: the installation's own namespace.")
  private String namespace;

  @Default(DEFAULT_INSTALL_DIR)
  @Pattern("^/.*$")
  @JsonPropertyDescription("The install's ISERVER_HOME on that host, an absolute path.")
  private String installDir;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getInstallDir() {
    return installDir;
  }

  public void setInstallDir(String installDir) {
    this.installDir = installDir;
  }
}
