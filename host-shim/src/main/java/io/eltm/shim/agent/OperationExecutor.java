package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.shim.status.LastOperation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one {@code EltmOperation} through the engine and writes its progress and result to the operation's
 * status. Never runs an operation twice: the engine's journal knows the uid of the last operation, and
 * {@link StartedOperations} every uid handed to the engine here; an operation found in either is only reported.
 */
final class OperationExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(OperationExecutor.class);
    private static final Duration STOPPING_GRACE = Duration.ofSeconds(15);

    private final String host;
    private final AgentInstall install;
    private final Function<EltmOperation, StatusPatch> patches;
    private final OperationRun runs;
    private final StartedOperations started;
    private volatile boolean stopping;

    OperationExecutor(String host, AgentInstall install, Function<EltmOperation, StatusPatch> patches,
                      ReleaseGate gate, StartedOperations started) {
        this.host = host;
        this.install = install;
        this.patches = patches;
        this.started = started;
        this.runs = new OperationRun(host, install, gate, started);
    }

    /** Runs (or reports) the operation; returns once its final status is written, it is gone, or the agent stops. */
    void execute(EltmOperation op) throws InterruptedException {
        String name = OperationRequests.name(op);
        String uid = op.getMetadata().getUid();
        try (OperationStatusWriter writer = new OperationStatusWriter(name, patches.apply(op), install.clock())) {
            install.guard().lockInterruptibly();
            try {
                install.engine().recover(new StepLog(host, install.installDir())).ifPresent(recovered ->
                        LOG.info("host {}, install {}: recovered operation {} ({})", host, install.installDir(),
                                recovered.id(), recovered.result()));
                Optional<LastOperation> last = install.engine().lastOperation();
                if (last.filter(l -> uid.equals(l.id())).isPresent()) {
                    LastOperation already = last.get();
                    LOG.info("host {}, install {}: operation {} already ran here ({} {} → {}: {}); reporting it, not "
                                    + "running it again", host, install.installDir(), name, already.type(),
                            already.from(), already.to(), already.result());
                    // the run's own start, as the engine recorded it (the killed agent may not have written it)
                    writer.running(already.startedAt());
                    runs.finish(writer, name, OperationOutcome.of(already, runs.status()), already.steps());
                } else if (started.contains(uid)) {
                    runs.finish(writer, name, superseded(name, last), java.util.List.of());
                } else {
                    runs.run(op, name, writer);
                }
            } finally {
                install.guard().unlock();
            }
            awaitFinalStatus(writer, name);
        }
    }

    /** The agent is stopping: stop waiting for an unreachable API server (the journal keeps the result). */
    void stop() {
        stopping = true;
    }

    /**
     * Began here, but the journal's last operation is another one: a command run by hand after an agent crash
     * recovered it (finished or reverted it) and then ran its own. Its own result is no longer on this host; what
     * is certain is that it must not run again.
     */
    private OperationOutcome superseded(String name, Optional<LastOperation> last) {
        String by = last.map(l -> "operation " + l.id() + " (" + l.type() + " " + l.from() + " → " + l.to() + ": "
                + l.result() + ")").orElse("another command");
        String message = "operation " + name + " was started on host " + host + " by an agent that stopped before"
                + " it ended; " + by + " ran on install " + install.installDir() + " since, after recovering it, so"
                + " its own result is no longer known; not running it again: look at the install's status and create"
                + " a new operation if it is still needed";
        LOG.warn("host {}, install {}: {}", host, install.installDir(), message);
        return OperationOutcome.failed(message, install.clock().instant(), runs.status());
    }

    private void awaitFinalStatus(OperationStatusWriter writer, String name) throws InterruptedException {
        while (!writer.awaitWritten(STOPPING_GRACE)) {
            if (stopping) {
                LOG.warn("host {}: stopping before the final status of operation {} reached the API server; the "
                        + "next agent start reports it from the install's journal", host, name);
                return;
            }
            LOG.warn("host {}: operation {} ended; still waiting for the API server to take its final status", host,
                    name);
        }
        if (writer.gone()) {
            LOG.info("host {}: operation {} is gone; taking the next operation", host, name);
        }
    }
}
