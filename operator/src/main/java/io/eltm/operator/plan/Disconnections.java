package io.eltm.operator.plan;

import io.eltm.operator.plan.Decision.HostDisconnected;

/** The decision for a host whose lease is missing or expired: no operation starts. */
final class Disconnections {

    private Disconnections() {
    }

    static Decision of(InstallationFacts installation, HostFacts host) {
        String subject = installation.qualifiedName() + ": host " + host.hostName();
        if (!host.hasLease()) {
            return new HostDisconnected(Reasons.LEASE_MISSING, subject + " has no lease; start its agent "
                    + "(eltm-shim agent --host " + host.hostName() + ")", null);
        }
        return new HostDisconnected(Reasons.LEASE_EXPIRED, subject + " was last seen renewing its lease at "
                + host.lastObservedRenewal() + " (the operator's clock) and its lease of " + host.leaseDuration()
                .toSeconds() + " s has expired; no operation starts until its agent is back", host.lastObservedRenewal());
    }
}
