package io.eltm.operator.reconcile;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When the operator last saw each agent Lease renewed, on the operator's own clock, as the node lifecycle controller
 * judges node leases: a renewal is a change of the Lease's {@code renewTime} (or holder), whatever time it names, so a
 * VM whose clock is skewed neither looks dead while renewing nor alive after it stopped. A Lease seen for the first
 * time (for example after an operator restart) counts as renewed at that moment: it gets one lease duration of grace.
 */
final class LeaseObservations {

    private record Seen(String renewal, Instant at) {
    }

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /** Records {@code lease} as read at {@code now}; returns when its current renewal was first seen. */
    Instant observe(Lease lease, Instant now) {
        String key = lease.getMetadata().getNamespace() + "/" + lease.getMetadata().getName();
        String renewal = lease.getSpec() == null ? "" : Objects.toString(lease.getSpec().getRenewTime()) + "|"
                + lease.getSpec().getHolderIdentity();
        return seen.compute(key, (k, before) -> before != null && before.renewal().equals(renewal) ? before
                : new Seen(renewal, now)).at();
    }
}
