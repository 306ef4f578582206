package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmHost;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Renews the host's {@code coordination.k8s.io/v1} Lease {@code eltm-agent-HOST}, creating it when
 * missing: the agent's liveness, read the way node leases are (a renewTime older than the lease
 * duration means the agent is gone).
 */
final class LeaseRenewer {

    static final int LEASE_DURATION_SECONDS = 40;

    private static final Logger LOG = LoggerFactory.getLogger(LeaseRenewer.class);

    private final KubernetesClient client;
    private final AgentSettings settings;
    private final Clock clock;
    private final PeriodicFailureLog failures;

    LeaseRenewer(KubernetesClient client, AgentSettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
        this.failures = new PeriodicFailureLog(LOG, "host " + settings.host() + ": renewing Lease "
                + settings.leaseName());
    }

    synchronized void renew() {
        ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        try {
            Lease lease = client.leases().inNamespace(settings.namespace()).withName(settings.leaseName()).get();
            if (lease == null) {
                client.leases().inNamespace(settings.namespace()).resource(new LeaseBuilder()
                        .withNewMetadata().withName(settings.leaseName()).withNamespace(settings.namespace())
                        .addToLabels(EltmHost.AGENT_LEASE_LABEL, settings.host()).endMetadata()
                        .withNewSpec().withHolderIdentity(settings.host()).withLeaseDurationSeconds(LEASE_DURATION_SECONDS)
                        .withAcquireTime(now).withRenewTime(now).endSpec().build()).create();
            } else {
                // the operator watches only Leases carrying this label
                lease.getMetadata().setLabels(new java.util.HashMap<>(java.util.Objects.requireNonNullElse(
                        lease.getMetadata().getLabels(), java.util.Map.of())));
                lease.getMetadata().getLabels().put(EltmHost.AGENT_LEASE_LABEL, settings.host());
                lease.getSpec().setHolderIdentity(settings.host());
                lease.getSpec().setLeaseDurationSeconds(LEASE_DURATION_SECONDS);
                lease.getSpec().setRenewTime(now);
                client.leases().inNamespace(settings.namespace()).resource(lease).update();
            }
            failures.succeeded();
        } catch (RuntimeException e) {
            failures.failed(e);
        }
    }
}
