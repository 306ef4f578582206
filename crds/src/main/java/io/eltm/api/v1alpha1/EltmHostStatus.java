package io.eltm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** What a host's agent reports, on a period and after every operation. */
public class EltmHostStatus {

  @JsonPropertyDescription("The version of the eltm-shim agent running on the host.")
  private String agentVersion;

  @JsonPropertyDescription("When the agent last reported (RFC 3339). Liveness itself is the agent's Lease,"
      + " eltm-agent-NAME.")
  private String lastHeartbeat;

  @JsonPropertyDescription("One entry per install directory the agent looks after.")
  private List<HostInstall> installs = new ArrayList<>();

  @JsonPropertyDescription("True, False or Unknown: whether the operator has seen the agent renew its Lease within"
      + " the lease duration, by the operator's own clock. Written by the operator, never by the agent.")
  // Omitted when null: the agent's merge patches of its report must not clear what the operator wrote.
  @JsonInclude(JsonInclude.Include.NON_NULL)
  private String connected;

  public String getAgentVersion() {
    return agentVersion;
  }

  public void setAgentVersion(String agentVersion) {
    this.agentVersion = agentVersion;
  }

  public String getLastHeartbeat() {
    return lastHeartbeat;
  }

  public void setLastHeartbeat(String lastHeartbeat) {
    this.lastHeartbeat = lastHeartbeat;
  }

  public List<HostInstall> getInstalls() {
    return installs;
  }

  public void setInstalls(List<HostInstall> installs) {
    this.installs = installs;
  }

  public String getConnected() {
    return connected;
  }

  public void setConnected(String connected) {
    this.connected = connected;
  }
}
