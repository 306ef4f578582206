package io.eltm.shim.agent;

import java.time.Duration;

/**
 * What an agent is told on its command line.
 *
 * @param host           the host's name: its {@code EltmHost}, the {@code eltm.io/host} label of its operations
 * @param namespace      where the host's resources live
 * @param reportInterval how often the {@code EltmHost} status is reported
 */
public record AgentSettings(String host, String namespace, Duration reportInterval) {

    /** The Lease carrying the agent's liveness, as node leases do for kubelets. */
    public String leaseName() {
        return "eltm-agent-" + host;
    }
}
