package io.eltm.operator.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the operator knows about the target host: the liveness of its agent (the host's {@code Lease}, as node
 * leases work) and the install the agent reported for our install directory.
 *
 * @param leaseRenewTime the Lease's {@code renewTime}; null when the host has no Lease (agent never started)
 * @param leaseDuration the Lease's {@code leaseDurationSeconds}
 * @param reported the agent's report for our install directory; null until the agent has reported it
 */
public record HostFacts(String hostName, Instant leaseRenewTime, Duration leaseDuration, ReportedInstall reported) {

    public HostFacts {
        Objects.requireNonNull(hostName, "hostName");
    }

    /** Connected while the lease is held: {@code renewTime + duration} not before {@code now}. */
    public boolean isConnectedAt(Instant now) {
        return leaseRenewTime != null && leaseDuration != null && !leaseRenewTime.plus(leaseDuration).isBefore(now);
    }

    public boolean hasLease() {
        return leaseRenewTime != null;
    }
}
