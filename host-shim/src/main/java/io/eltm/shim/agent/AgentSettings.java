package io.eltm.shim.agent;

import java.time.Duration;

/**
 * Who the agent is and how it reports.
 *
 * @param host           the host's name (from the credential): its {@code EltmHost}, the {@code eltm.io/host}
 *                       label of its operations
 * @param namespace      where the host's resources live (the credential's namespace)
 * @param reportInterval how often the {@code EltmHost} status is reported
 * @param holder         this agent's name as the Lease's holder ({@link AgentIdentity#holder})
 */
public record AgentSettings(String host, String namespace, Duration reportInterval, String holder) {

    /** The Lease carrying the agent's liveness, as node leases do for kubelets. */
    public String leaseName() {
        return "eltm-agent-" + host;
    }
}
