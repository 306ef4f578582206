package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmOperationStatus;
import io.eltm.shim.engine.StepListener;
import io.eltm.shim.engine.StepRecord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one operation's progress to its status subresource as it happens, without ever holding up
 * the engine: steps are recorded in memory and a background thread writes the newest state, retrying
 * with {@link Backoff} while the API server is unreachable. The final result stays in memory until it
 * is written ({@link #awaitWritten}), unless the operation is {@linkplain #gone() gone}: deleted, or replaced by
 * another object of the same name (the uid precondition of every write fails). Then the writer stops: nothing
 * more of this attempt can or should reach the API server, and the agent takes the next operation.
 */
final class OperationStatusWriter implements StepListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OperationStatusWriter.class);

    private final String operation;
    private final StatusPatch patch;
    private final Clock clock;
    private final Backoff backoff;
    private final Thread flusher;
    private final List<StepRecord> steps = new ArrayList<>();
    private Instant startedAt;
    private OperationOutcome outcome;
    private long version;
    private long written;
    private boolean closed;
    private boolean gone;

    OperationStatusWriter(String operation, StatusPatch patch, Clock clock) {
        this.operation = operation;
        this.patch = patch;
        this.clock = clock;
        this.backoff = Backoff.standard(clock);
        this.flusher = new Thread(this::flushLoop, "eltm-agent-status-" + operation);
        flusher.setDaemon(true);
        flusher.start();
    }

    synchronized void running(Instant now) {
        startedAt = now;
        changed();
    }

    @Override
    public synchronized void stepStarted(StepRecord step) {
        record(step);
    }

    @Override
    public synchronized void stepEnded(StepRecord step) {
        record(step);
    }

    /** The final result; written before {@link #awaitWritten} returns, however long the API server is away. */
    synchronized void finished(OperationOutcome end, List<StepRecord> engineSteps) {
        if (startedAt == null) {
            startedAt = end.finishedAt();
        }
        if (engineSteps != null && !engineSteps.isEmpty()) {
            steps.clear();
            steps.addAll(engineSteps);
        }
        outcome = end;
        changed();
    }

    /**
     * Waits until everything recorded so far is on the API server, the operation is gone, or {@code limit} has
     * passed; true unless the limit passed.
     */
    synchronized boolean awaitWritten(Duration limit) throws InterruptedException {
        Instant deadline = clock.instant().plus(limit);
        while (written < version && !gone) {
            long left = Duration.between(clock.instant(), deadline).toMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** The operation was deleted (or replaced under its name): its status can no longer be written. */
    synchronized boolean gone() {
        return gone;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        flusher.interrupt();
    }

    private void record(StepRecord step) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).name().equals(step.name())) {
                steps.set(i, step);
                changed();
                return;
            }
        }
        steps.add(step);
        changed();
    }

    private void changed() {
        version++;
        notifyAll();
    }

    private synchronized EltmOperationStatus snapshot() {
        Instant start = startedAt == null ? clock.instant() : startedAt;
        return outcome == null ? OperationStatuses.running(start, steps)
                : OperationStatuses.finished(start, steps, outcome);
    }

    private void flushLoop() {
        try {
            while (true) {
                long target;
                EltmOperationStatus status;
                synchronized (this) {
                    while (!closed && !gone && (written == version || !backoff.due())) {
                        wait(written == version ? 0 : Math.max(1, backoff.remaining().toMillis()));
                    }
                    if (closed || gone) {
                        return;
                    }
                    target = version;
                    status = snapshot();
                }
                write(target, status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(long target, EltmOperationStatus status) {
        try {
            patch.write(status);
            synchronized (this) {
                if (backoff.failures() > 0) {
                    LOG.info("operation {}: API server reachable again, status written (phase {})", operation,
                            status.getPhase());
                }
                backoff.succeeded();
                written = Math.max(written, target);
                notifyAll();
            }
        } catch (StatusPatch.OperationGone e) {
            synchronized (this) {
                gone = true;
                notifyAll();
            }
            LOG.warn("operation {}: {}; its status is no longer written and the agent moves on to the next operation",
                    operation, e.getMessage());
        } catch (RuntimeException e) {
            Duration wait;
            int failures;
            synchronized (this) {
                wait = backoff.failed();
                failures = backoff.failures();
            }
            if (failures == 1 || failures % 10 == 0) {
                LOG.warn("operation {}: cannot write its status (phase {}; {} attempts so far), retrying in {} ms: {}",
                        operation, status.getPhase(), failures, wait.toMillis(), PeriodicFailureLog.describe(e));
            }
        }
    }
}
