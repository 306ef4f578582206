package io.eltm.shim.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.eltm.api.v1alpha1.EltmOperation;
import io.eltm.api.v1alpha1.EltmOperationStatus;
import io.eltm.api.v1alpha1.OperationPhase;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import org.junit.jupiter.api.Test;

class OperationQueueTest {

    private final OperationQueue queue = new OperationQueue();

    @Test
    void handsOutTheOldestOperationFirst() throws InterruptedException {
        queue.offer(op("b-later", "uid-2", "2026-11-26T06:00:05Z", null));
        queue.offer(op("z-first", "uid-1", "2026-11-26T06:00:00Z", null));
        queue.offer(op("a-later", "uid-3", "2026-11-26T06:00:05Z", null));

        assertThat(queue.poll(0).getMetadata().getName()).isEqualTo("z-first");
        assertThat(queue.poll(0).getMetadata().getName()).isEqualTo("a-later");
        assertThat(queue.poll(0).getMetadata().getName()).isEqualTo("b-later");
        assertThat(queue.poll(0)).isNull();
    }

    @Test
    void queuesAnOperationOnceHoweverOftenTheWatchReportsIt() throws InterruptedException {
        assertThat(queue.offer(op("upgrade", "uid-1", "2026-11-26T06:00:00Z", null))).isTrue();
        assertThat(queue.offer(op("upgrade", "uid-1", "2026-11-26T06:00:00Z", OperationPhase.Pending))).isFalse();

        EltmOperation taken = queue.poll(0);
        queue.handled(taken);

        assertThat(queue.offer(op("upgrade", "uid-1", "2026-11-26T06:00:00Z", OperationPhase.Running)))
                .as("handled here already").isFalse();
        assertThat(queue.poll(0)).isNull();
    }

    @Test
    void skipsOperationsThatAlreadyEnded() {
        for (OperationPhase phase : new OperationPhase[] {OperationPhase.Succeeded, OperationPhase.Refused,
                OperationPhase.RolledBack, OperationPhase.Failed}) {
            assertThat(queue.offer(op("done", "uid-" + phase, "2026-11-26T06:00:00Z", phase))).as(phase.name()).isFalse();
        }
        assertThat(queue.offer(op("running", "uid-r", "2026-11-26T06:00:00Z", OperationPhase.Running))).isTrue();
    }

    @Test
    void aReleasedOperationMayBeQueuedAgain() throws InterruptedException {
        queue.offer(op("upgrade", "uid-1", "2026-11-26T06:00:00Z", null));
        queue.release(queue.poll(0));

        assertThat(queue.offer(op("upgrade", "uid-1", "2026-11-26T06:00:00Z", null))).isTrue();
    }

    private static EltmOperation op(String name, String uid, String created, OperationPhase phase) {
        EltmOperation op = new EltmOperation();
        op.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").withUid(uid)
                .withCreationTimestamp(created).build());
        if (phase != null) {
            EltmOperationStatus status = new EltmOperationStatus();
            status.setPhase(phase);
            op.setStatus(status);
        }
        return op;
    }
}
