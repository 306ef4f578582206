package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmOperation;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The host agent (contract §8): renews its Lease, reports its install to its {@code EltmHost}, and
 * runs the operations labelled for its host one at a time. It only ever calls out to the API server.
 */
public final class Agent implements AutoCloseable {

    static final Duration LEASE_RENEW_INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final AgentSettings settings;
    private final AgentInstall install;
    // Lease, periodic report and the report after an operation each get a thread: a slow health probe
    // in a report must never delay the Lease.
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(3, r -> {
        Thread t = new Thread(r, "eltm-agent-timer");
        t.setDaemon(true);
        return t;
    });
    private final LeaseRenewer lease;
    private final HostReporter reporter;
    private final AgentLoop loop;

    public Agent(KubernetesClient client, AgentSettings settings, AgentInstall install, String agentVersion) {
        this.settings = settings;
        this.install = install;
        this.lease = new LeaseRenewer(client, settings, install.clock());
        this.reporter = new HostReporter(client, settings, install, agentVersion);
        OperationExecutor executor = new OperationExecutor(settings.host(), install, op -> status -> {
            EltmOperation patch = new EltmOperation();
            patch.setMetadata(new ObjectMetaBuilder().withName(op.getMetadata().getName())
                    .withNamespace(op.getMetadata().getNamespace()).build());
            patch.setStatus(status);
            client.resource(patch).patchStatus();
        });
        this.loop = new AgentLoop(client, settings, executor, () -> timers.execute(reporter::report));
    }

    /**
     * Starts: Lease first (the host is alive), then finishes or reverts what a killed agent left in the
     * journal, then reports and starts taking operations.
     */
    public void start() {
        LOG.info("host {}: agent starting for install {} in namespace {}", settings.host(), install.installDir(),
                settings.namespace());
        timers.scheduleAtFixedRate(lease::renew, 0, LEASE_RENEW_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        install.guard().lock();
        try {
            install.engine().recover(new StepLog(settings.host(), install.installDir())).ifPresent(op ->
                    LOG.info("host {}, install {}: recovered interrupted operation {} ({} {} → {}): {}", settings.host(),
                            install.installDir(), op.id(), op.type(), op.from(), op.to(), op.result()));
        } finally {
            install.guard().unlock();
        }
        timers.scheduleAtFixedRate(reporter::report, 0, settings.reportInterval().toMillis(), TimeUnit.MILLISECONDS);
        loop.start();
    }

    /** Stops watching, lets a running operation end, then stops reporting. */
    @Override
    public void close() throws InterruptedException {
        LOG.info("host {}: agent stopping", settings.host());
        loop.close();
        timers.shutdown();
        timers.awaitTermination(30, TimeUnit.SECONDS);
        LOG.info("host {}: agent stopped", settings.host());
    }
}
