package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmOperation;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the operations labelled for this host and runs them one at a time, oldest first, on a
 * single worker thread. The informer relists on a period, so an operation missed while the API
 * server was away is picked up when it is back.
 */
final class AgentLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentLoop.class);
    private static final long RESYNC_MILLIS = 60_000;

    private final KubernetesClient client;
    private final AgentSettings settings;
    private final OperationExecutor executor;
    private final Runnable afterOperation;
    private final Runnable fatal;
    private final OperationQueue queue = new OperationQueue();
    private final Thread worker;
    private volatile boolean stopping;
    private volatile boolean broken;
    private SharedIndexInformer<EltmOperation> informer;

    AgentLoop(KubernetesClient client, AgentSettings settings, OperationExecutor executor, Runnable afterOperation,
              Runnable fatal) {
        this.client = client;
        this.settings = settings;
        this.executor = executor;
        this.afterOperation = afterOperation;
        this.fatal = fatal;
        this.worker = new Thread(this::work, "eltm-agent-worker");
    }

    void start() {
        informer = client.resources(EltmOperation.class).inNamespace(settings.namespace())
                .withLabel(EltmOperation.HOST_LABEL, settings.host()).runnableInformer(RESYNC_MILLIS);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(EltmOperation op) {
                enqueue(op);
            }

            @Override
            public void onUpdate(EltmOperation old, EltmOperation op) {
                enqueue(op);
            }

            @Override
            public void onDelete(EltmOperation op, boolean deletedFinalStateUnknown) {
                // a queued one is dropped when its turn comes (gone from the store); a running one ends its attempt
                // at its next status write (the uid precondition fails)
                LOG.info("host {}: operation {} (uid {}) was deleted", settings.host(), OperationRequests.name(op),
                        op.getMetadata().getUid());
            }
        });
        // keep trying while the API server is unreachable, rather than giving up the watch
        informer.exceptionHandler((started, t) -> {
            LOG.warn("host {}: watching operations in namespace {} failed, retrying: {}", settings.host(),
                    settings.namespace(), PeriodicFailureLog.describe(t));
            return true;
        });
        informer.start();
        worker.start();
        LOG.info("host {}: watching operations labelled {}={} in namespace {}", settings.host(),
                EltmOperation.HOST_LABEL, settings.host(), settings.namespace());
    }

    private void enqueue(EltmOperation op) {
        if (!stopping && queue.offer(op)) {
            LOG.info("host {}: operation {} queued ({} to {})", settings.host(), OperationRequests.name(op),
                    op.getSpec().getType().name().toLowerCase(java.util.Locale.ROOT), op.getSpec().getTargetVersion());
        }
    }

    private void work() {
        try {
            while (!stopping) {
                EltmOperation queued = queue.poll(500);
                if (queued == null) {
                    continue;
                }
                EltmOperation latest = informer.getStore().get(queued);
                // gone, ended meanwhile, or deleted and recreated under the same name (its new uid is queued on its own)
                if (latest == null || OperationStatuses.terminal(latest.getStatus())
                        || !latest.getMetadata().getUid().equals(queued.getMetadata().getUid())) {
                    queue.handled(queued);
                    continue;
                }
                try {
                    executor.execute(latest);
                    queue.handled(queued);
                } catch (RuntimeException e) {
                    // not handled: the next resync offers it again
                    queue.release(queued);
                    LOG.error("host {}: operation {} could not be run, will try again at the next resync: {}",
                            settings.host(), OperationRequests.name(queued), e.toString());
                }
                afterOperation.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            broken = true;
            LOG.error("host {}: the agent's worker stopped: {}; the agent no longer renews its Lease and exits, so"
                    + " that its service manager starts it again", settings.host(), e.toString(), e);
            fatal.run();
        }
    }

    /** False once the worker died: the Lease must then lapse, so the host shows as disconnected. */
    boolean ableToWork() {
        return !broken;
    }

    /** Stops watching; an operation already running is finished first (the engine is never interrupted). */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        if (informer != null) {
            informer.stop();
        }
        executor.stop();
        if (worker.isAlive()) {
            LOG.info("host {}: stopping after the running operation ends", settings.host());
            worker.join();
        }
    }
}
