package io.eltm.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A registered host: created by {@code eltm-shim host add NAME}, its status written by that host's agent
 * only (the ServiceAccount {@code eltm-agent-NAME}, confined by {@code crds/agent-confinement.yaml}).
 */
@Group(EltmInstallation.GROUP)
@Version(EltmInstallation.VERSION)
@Singular("eltmhost")
@Plural("eltmhosts")
@ShortNames("eltmhost")
@AdditionalPrinterColumn(name = "AGENT", jsonPath = ".status.agentVersion", type = Type.STRING)
@AdditionalPrinterColumn(name = "HEARTBEAT", jsonPath = ".status.lastHeartbeat", type = Type.DATE)
@AdditionalPrinterColumn(name = "INSTALLS", jsonPath = ".status.installs[*].installDir", type = Type.STRING)
@AdditionalPrinterColumn(name = "VERSIONS", jsonPath = ".status.installs[*].version", type = Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(name = "CONNECTED", jsonPath = ".status.connected", type = Type.STRING)
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class EltmHost extends CustomResource<EltmHostSpec, EltmHostStatus> implements Namespaced {

  /** The ServiceAccount a host's agent authenticates as: this prefix, then the host name. */
  public static final String AGENT_SERVICE_ACCOUNT_PREFIX = "eltm-agent-";

  /**
   * The agent labels its Lease {@code eltm.io/host=<host>} ({@link EltmOperation#HOST_LABEL}), so the operator
   * watches only agent Leases, never every Lease in the cluster.
   */
  public static final String AGENT_LEASE_LABEL = EltmOperation.HOST_LABEL;

  /** The name of the agent's ServiceAccount, and of its Lease, for host {@code hostName}. */
  public static String agentServiceAccount(String hostName) {
    return AGENT_SERVICE_ACCOUNT_PREFIX + hostName;
  }
}
