package io.eltm.operator.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the operator knows about the target host: whether it lets this installation's namespace target it, the
 * liveness of its agent (the host's {@code Lease}, judged on the operator's clock as the node lifecycle controller
 * does), the install the agent reported for our install directory, and whether another installation claims it.
 *
 * @param registered the host's {@code EltmHost} exists
 * @param allowedNamespaces {@code spec.allowedNamespaces} of the host (its own namespace is always allowed)
 * @param leaseRenewTime the Lease's {@code renewTime} as the agent wrote it (the host's clock; for messages only);
 *        null when the host has no Lease
 * @param lastObservedRenewal when the operator last saw the Lease change, on the operator's clock; null without Lease
 * @param leaseDuration the Lease's {@code leaseDurationSeconds}
 * @param reported the agent's report for our install directory; null until the agent has reported it
 * @param installDirClaimedBy {@code namespace/name} of an older installation targeting the same host and install
 *        directory; null when this one is the only (or the oldest) one
 */
public record HostFacts(String hostName, String namespace, boolean registered, Set<String> allowedNamespaces,
                        Instant leaseRenewTime, Instant lastObservedRenewal, Duration leaseDuration,
                        ReportedInstall reported, String installDirClaimedBy) {

    public HostFacts {
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(namespace, "namespace");
        allowedNamespaces = allowedNamespaces == null ? Set.of() : Set.copyOf(allowedNamespaces);
    }

    /** Connected while the operator saw the lease renewed within its duration, by the operator's own clock. */
    public boolean isConnectedAt(Instant now) {
        return lastObservedRenewal != null && leaseDuration != null
                && !lastObservedRenewal.plus(leaseDuration).isBefore(now);
    }

    public boolean hasLease() {
        return lastObservedRenewal != null;
    }

    /** An installation in {@code installationNamespace} may target this host. */
    public boolean admits(String installationNamespace) {
        return namespace.equals(installationNamespace) || registered && allowedNamespaces.contains(installationNamespace);
    }

    /** {@code namespace/name} of the host, as messages name it. */
    public String qualifiedName() {
        return namespace + "/" + hostName;
    }
}
