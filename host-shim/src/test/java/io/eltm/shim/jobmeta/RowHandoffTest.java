package io.eltm.shim.jobmeta;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class RowHandoffTest {

    @Test
    void everyRowArrivesOnceAndInOrderAcrossManyBatches() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try (RowHandoff handoff = RowHandoff.start("test writer", written::write)) {
            for (int i = 0; i < 20_000; i++) {
                byte[] row = (i + "\t" + "x".repeat(i % 700) + "\n").getBytes(StandardCharsets.UTF_8);
                expected.write(row);
                handoff.accept(row);
            }
            handoff.finish();
        }

        assertThat(expected.size()).as("enough rows for several batches").isGreaterThan(5 * RowHandoff.BATCH_BYTES);
        assertThat(written.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void aFullDiskOnTheWritingThreadFailsTheCopyWithItsOwnErrorAndNeverBlocksTheReader() {
        IOException diskFull = new IOException("No space left on device");
        RowHandoff handoff = RowHandoff.start("test writer", row -> {
            throw diskFull;
        });

        // far more rows than the queue holds: a reader blocked on a dead writer would hang here
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100 * RowHandoff.QUEUED; i++) {
                handoff.accept(new byte[RowHandoff.BATCH_BYTES]);
            }
            handoff.finish();
        }).isSameAs(diskFull);
        handoff.close();
    }

    @Test
    void aSlowDiskHoldsTheReaderBackAfterAFewBatchesSoMemoryStaysFlat() throws Exception {
        CountDownLatch diskBack = new CountDownLatch(1);
        AtomicInteger handedOver = new AtomicInteger();
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        try (RowHandoff handoff = RowHandoff.start("test writer", row -> awaitQuietly(diskBack))) {
            Thread reader = new Thread(() -> {
                try {
                    for (int i = 0; i < 1000; i++) {
                        handoff.accept(new byte[RowHandoff.BATCH_BYTES]);
                        handedOver.incrementAndGet();
                    }
                    handoff.finish();
                } catch (Throwable e) {
                    readerFailure.set(e);
                }
            });
            reader.start();
            await().until(() -> reader.getState() == Thread.State.WAITING);

            // one batch on the writing thread, QUEUED waiting, one being put
            assertThat(handedOver.get()).isLessThanOrEqualTo(RowHandoff.QUEUED + 2);
            diskBack.countDown();
            reader.join();
        }
        assertThat(readerFailure.get()).isNull();
        assertThat(handedOver.get()).isEqualTo(1000);
    }

    @Test
    void anAbandonedCopyStopsItsWritingThread() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Thread> writing = new AtomicReference<>();
        RowHandoff handoff = RowHandoff.start("test writer", row -> {
            writing.set(Thread.currentThread());
            awaitQuietly(never);
        });
        handoff.accept(new byte[RowHandoff.BATCH_BYTES]);
        await().until(() -> writing.get() != null);

        handoff.close();

        assertThat(writing.get().isAlive()).isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) throws IOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }
}
