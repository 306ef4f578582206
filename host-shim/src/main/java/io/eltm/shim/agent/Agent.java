package io.eltm.shim.agent;

import io.eltm.shim.engine.ShimPaths;
import io.fabric8.kubernetes.client.KubernetesClient;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The host agent (contract §8): holds its host's Lease, keeps its own token fresh, reports its install to its
 * {@code EltmHost}, and runs the operations labelled for its host one at a time. It only ever calls out to the API
 * server.
 */
public final class Agent implements AutoCloseable {

    static final Duration LEASE_RENEW_INTERVAL = Duration.ofSeconds(10);
    static final Duration TOKEN_RETRY = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final KubernetesClient client;
    private final AgentIdentity identity;
    private final AgentSettings settings;
    private final AgentInstall install;
    private final AgentCredentials credentials;
    // Lease, token, periodic report and the report after an operation each get a thread: a slow health probe
    // in a report must never delay the Lease.
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "eltm-agent-timer");
        t.setDaemon(true);
        return t;
    });
    private final LeaseRenewer lease;
    private final HostReporter reporter;
    private final AgentLoop loop;
    private final PeriodicFailureLog tokenFailures;

    /** @param fatal called when the agent can no longer work (Lease lost, worker died): the process should exit */
    public Agent(KubernetesClient client, AgentIdentity identity, AgentSettings settings, AgentInstall install,
                 String agentVersion, AgentCredentials credentials, Runnable fatal) {
        this.client = client;
        this.identity = identity;
        this.settings = settings;
        this.install = install;
        this.credentials = credentials;
        this.reporter = new HostReporter(client, settings, install, agentVersion);
        ShimPaths paths = install.engine().paths();
        ReleaseGate gate = new ReleaseGate(agentDir(paths).resolve("downloads"), install.limits(),
                Sha256File.withDefaultClient());
        OperationExecutor executor = new OperationExecutor(settings.host(), install,
                op -> new UidPreconditionPatch(client, op), gate,
                new StartedOperations(agentDir(paths).resolve("started")));
        this.loop = new AgentLoop(client, settings, executor, () -> timers.execute(reporter::report), fatal);
        this.lease = new LeaseRenewer(client, settings, install.clock(), loop::ableToWork, fatal);
        this.tokenFailures = new PeriodicFailureLog(LOG, "host " + settings.host() + ": refreshing the token of"
                + " ServiceAccount " + identity.serviceAccount());
    }

    /** Where the agent keeps what is its own on the install: its lock, downloads and the operations it started. */
    public static java.nio.file.Path agentDir(ShimPaths paths) {
        return paths.root().resolve("agent");
    }

    /**
     * Starts: takes the Lease (refusing while another agent holds it), refreshes its token, then finishes or reverts
     * what a killed agent left in the journal, then reports and starts taking operations.
     */
    public void start() {
        LOG.info("host {}: agent {} starting for install {} in namespace {}", settings.host(), settings.holder(),
                install.installDir(), settings.namespace());
        lease.acquire();
        refreshToken();
        timers.scheduleAtFixedRate(lease::renew, LEASE_RENEW_INTERVAL.toMillis(), LEASE_RENEW_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
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

    private void refreshToken() {
        Duration next;
        try {
            Instant expires = credentials.refresh(client, identity);
            tokenFailures.succeeded();
            next = AgentCredentials.refreshDelay(install.clock().instant(), expires);
        } catch (RuntimeException e) {
            tokenFailures.failed(e);
            next = TOKEN_RETRY;
        }
        if (!timers.isShutdown()) {
            timers.schedule(this::refreshToken, Math.max(1, next.toMillis()), TimeUnit.MILLISECONDS);
        }
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
