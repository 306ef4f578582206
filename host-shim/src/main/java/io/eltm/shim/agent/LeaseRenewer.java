package io.eltm.shim.agent;

import io.eltm.shim.RefusedException;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.BooleanSupplier;

/**
 * The host's {@code coordination.k8s.io/v1} Lease {@code eltm-agent-HOST}: the agent's liveness, read the way node
 * leases are (a renewTime older than the lease duration means the agent is gone), and the guard that only one agent
 * works for a host. {@link #acquire()} refuses while another holder's Lease is live; {@link #renew()} renews only
 * while the agent is able to work, and reports a Lease another holder took over as lost. Every write carries the
 * resourceVersion read just before, so two agents never both think they hold it.
 */
final class LeaseRenewer {

    static final int LEASE_DURATION_SECONDS = 40;

    private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewer.class);

    private final KubernetesClient client;
    private final AgentSettings settings;
    private final Clock clock;
    private final BooleanSupplier ableToWork;
    private final Runnable lost;
    private final PeriodicFailureLog failures;
    private boolean notRenewing;

    LeaseRenewer(KubernetesClient client, AgentSettings settings, Clock clock, BooleanSupplier ableToWork,
                 Runnable lost) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        this.ableToWork = ableToWork;
        this.lost = lost;
        this.failures = new PeriodicFailureLog(LOG, "host " + settings.host() + ": renewing Lease "
                + settings.leaseName());
    }

    /** Takes the Lease for this agent, or refuses, naming the live holder. Throws if the API server cannot be asked. */
    synchronized void acquire() {
        Lease lease = read();
        Instant now = clock.instant();
        if (lease != null && heldByAnotherLiveHolder(lease, now)) {
            throw new RefusedException(anotherHolder(lease, now) + ": only one agent may work for a host; stop that"
                    + " agent first (or, if it is dead, wait until its Lease expires and start this one again)");
        }
        write(lease, now);
        LOG.info("host {}: holding Lease {}/{} as {}", settings.host(), settings.namespace(), settings.leaseName(),
                settings.holder());
    }

    /** Renews the Lease; does nothing while the agent cannot work, so that the host shows as disconnected. */
    synchronized void renew() {
        if (!ableToWork.getAsBoolean()) {
            if (!notRenewing) {
                LOG.error("host {}: the agent cannot work any more; no longer renewing Lease {}", settings.host(),
                        settings.leaseName());
                notRenewing = true;
            }
            return;
        }
        try {
            Lease lease = read();
            Instant now = clock.instant();
            if (lease != null && heldByAnotherLiveHolder(lease, now)) {
                LOG.error("host {}: {}; this agent stops working for the host", settings.host(),
                        anotherHolder(lease, now));
                lost.run();
                return;
            }
            write(lease, now);
            failures.succeeded();
        } catch (RuntimeException e) {
            failures.failed(e);
        }
    }

    private Lease read() {
        return client.leases().inNamespace(settings.namespace()).withName(settings.leaseName()).get();
    }

    private boolean heldByAnotherLiveHolder(Lease lease, Instant now) {
        var spec = lease.getSpec();
        if (spec == null || spec.getHolderIdentity() == null || spec.getHolderIdentity().equals(settings.holder())
                || spec.getRenewTime() == null) {
            return false;
        }
        int seconds = spec.getLeaseDurationSeconds() == null ? LEASE_DURATION_SECONDS : spec.getLeaseDurationSeconds();
        return spec.getRenewTime().toInstant().plusSeconds(seconds).isAfter(now);
    }

    private String anotherHolder(Lease lease, Instant now) {
        var spec = lease.getSpec();
        long ago = Duration.between(spec.getRenewTime().toInstant(), now).toSeconds();
        return "Lease " + settings.namespace() + "/" + settings.leaseName() + " of host " + settings.host()
                + " is held by another agent, " + spec.getHolderIdentity() + " (renewed " + ago + " s ago, "
                + spec.getLeaseDurationSeconds() + " s lease)";
    }

    private void write(Lease lease, Instant instant) {
        ZonedDateTime now = ZonedDateTime.ofInstant(instant, ZoneOffset.UTC);
        if (lease == null) {
            client.leases().inNamespace(settings.namespace()).resource(new LeaseBuilder()
                    .withNewMetadata().withName(settings.leaseName()).withNamespace(settings.namespace()).endMetadata()
                    .withNewSpec().withHolderIdentity(settings.holder()).withLeaseDurationSeconds(LEASE_DURATION_SECONDS)
                    .withAcquireTime(now).withRenewTime(now).endSpec().build()).create();
            return;
        }
        if (!settings.holder().equals(lease.getSpec().getHolderIdentity())) {
            lease.getSpec().setAcquireTime(now);
            lease.getSpec().setLeaseTransitions(lease.getSpec().getLeaseTransitions() == null ? 1
                    : lease.getSpec().getLeaseTransitions() + 1);
        }
        lease.getSpec().setHolderIdentity(settings.holder());
        lease.getSpec().setLeaseDurationSeconds(LEASE_DURATION_SECONDS);
        lease.getSpec().setRenewTime(now);
        client.leases().inNamespace(settings.namespace()).resource(lease).update();
    }
}
