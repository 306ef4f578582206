package io.eltm.shim.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eltm.shim.RefusedException;
import io.eltm.testing.kube.KubeControlPlaneExtension;
import io.eltm.testing.kube.TestNamespace;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Lease rules on a real API server, with a clock the test moves: another live holder is refused by name,
 * renewals stop while the agent cannot work, and a Lease another holder took is reported lost, never overwritten.
 */
@ExtendWith(KubeControlPlaneExtension.class)
class LeaseRenewerIT {

    private final MutableClock clock = new MutableClock(Instant.now());

    @Test
    void refusesToTakeALeaseAnotherHolderRenewedWithinItsDurationAndTakesAnExpiredOne(KubernetesClient admin,
                                                                                   TestNamespace ns) {
        renewer(admin, ns, "etl-01:/data/iserver", () -> true, () -> { }).acquire();

        clock.advance(Duration.ofSeconds(LeaseRenewer.LEASE_DURATION_SECONDS - 1));
        assertThatThrownBy(() -> renewer(admin, ns, "etl-02:/data/iserver", () -> true, () -> { }).acquire())
                .isInstanceOf(RefusedException.class)
                .hasMessageContaining("held by another agent, etl-01:/data/iserver")
                .hasMessageContaining("stop that agent first");
        assertThat(lease(admin, ns).getSpec().getHolderIdentity()).isEqualTo("etl-01:/data/iserver");

        clock.advance(Duration.ofSeconds(2));
        renewer(admin, ns, "etl-02:/data/iserver", () -> true, () -> { }).acquire();
        assertThat(lease(admin, ns).getSpec().getHolderIdentity()).isEqualTo("etl-02:/data/iserver");
        assertThat(lease(admin, ns).getSpec().getLeaseTransitions()).isEqualTo(1);
    }

    @Test
    void renewsOnlyWhileTheAgentIsAbleToWork(KubernetesClient admin, TestNamespace ns) {
        AtomicBoolean able = new AtomicBoolean(true);
        LeaseRenewer lease = renewer(admin, ns, "etl-01:/data/iserver", able::get, () -> { });
        lease.acquire();
        clock.advance(Duration.ofSeconds(10));
        lease.renew();
        Instant renewed = renewTime(admin, ns);

        able.set(false);
        clock.advance(Duration.ofSeconds(10));
        lease.renew();

        assertThat(renewTime(admin, ns)).isEqualTo(renewed);
    }

    @Test
    void reportsTheLeaseLostWhenAnotherHolderTookItAndLeavesItToThem(KubernetesClient admin, TestNamespace ns) {
        AtomicInteger lost = new AtomicInteger();
        LeaseRenewer lease = renewer(admin, ns, "etl-01:/data/iserver", () -> true, lost::incrementAndGet);
        lease.acquire();
        Lease taken = lease(admin, ns);
        taken.getSpec().setHolderIdentity("etl-02:/data/iserver");
        taken.getSpec().setRenewTime(ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        admin.resource(taken).update();

        clock.advance(Duration.ofSeconds(10));
        lease.renew();

        assertThat(lost.get()).isEqualTo(1);
        assertThat(lease(admin, ns).getSpec().getHolderIdentity()).isEqualTo("etl-02:/data/iserver");
    }

    private LeaseRenewer renewer(KubernetesClient admin, TestNamespace ns, String holder,
                                 java.util.function.BooleanSupplier able, Runnable lost) {
        return new LeaseRenewer(admin, new AgentSettings("h1", ns.name(), Duration.ofSeconds(10), holder), clock, able,
                lost);
    }

    private static Lease lease(KubernetesClient admin, TestNamespace ns) {
        return admin.leases().inNamespace(ns.name()).withName("eltm-agent-h1").get();
    }

    private static Instant renewTime(KubernetesClient admin, TestNamespace ns) {
        return lease(admin, ns).getSpec().getRenewTime().toInstant();
    }
}
