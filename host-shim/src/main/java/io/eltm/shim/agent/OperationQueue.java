package io.eltm.shim.agent;

import io.eltm.api.v1alpha1.EltmOperation;

import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The host's pending operations, oldest first (creation time, then name). An operation is queued
 * once however often the watch reports it, and never again after this agent has handled it.
 */
final class OperationQueue {

    private static final Comparator<EltmOperation> OLDEST_FIRST = Comparator
            .comparing((EltmOperation op) -> java.time.Instant.parse(op.getMetadata().getCreationTimestamp()))
            .thenComparing(op -> op.getMetadata().getName());

    private final PriorityBlockingQueue<EltmOperation> queue = new PriorityBlockingQueue<>(11, OLDEST_FIRST);
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Set<String> handled = ConcurrentHashMap.newKeySet();

    /** Queues the operation unless its status is terminal, it is queued already, or it was handled here. */
    boolean offer(EltmOperation op) {
        String uid = op.getMetadata().getUid();
        if (OperationStatuses.terminal(op.getStatus()) || handled.contains(uid) || !queued.add(uid)) {
            return false;
        }
        return queue.add(op);
    }

    /** The oldest queued operation, or null after {@code timeoutMillis}. */
    EltmOperation poll(long timeoutMillis) throws InterruptedException {
        return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Marks the operation handled: it is not queued again by this agent. */
    void handled(EltmOperation op) {
        handled.add(op.getMetadata().getUid());
        queued.remove(op.getMetadata().getUid());
    }

    /** Forgets that the operation is queued, so that the watch may offer it again. */
    void release(EltmOperation op) {
        queued.remove(op.getMetadata().getUid());
    }
}
