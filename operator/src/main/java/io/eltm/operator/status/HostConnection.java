package io.eltm.operator.status;

import io.eltm.operator.plan.HostFacts;
import io.eltm.operator.plan.Reasons;
import java.time.Instant;

/** {@code HostConnected} from the host's lease, whatever the decision: an upgrade may run while its host is offline. */
final class HostConnection {

    static final String LEASE_HELD = "LeaseHeld";

    private HostConnection() {
    }

    static ConditionValue of(HostFacts host, Instant now) {
        String type = ConditionView.HOST_CONNECTED;
        if (host.isConnectedAt(now)) {
            // No renew time in the message: it would change the status on every renewal.
            return ConditionValue.of(type, true, LEASE_HELD, "the agent of host " + host.hostName()
                    + " holds its lease");
        }
        if (!host.hasLease()) {
            return ConditionValue.of(type, false, Reasons.LEASE_MISSING, "host " + host.hostName()
                    + " has no lease: its agent has never connected");
        }
        return ConditionValue.of(type, false, Reasons.LEASE_EXPIRED, "the agent of host " + host.hostName()
                + " was last seen renewing its lease at " + host.lastObservedRenewal() + " (the operator's clock)");
    }
}
