package io.drm.masking.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The batches of one table's copy on their way from the reader thread through the masker thread
 * to the writer: a fixed pool of {@link #BATCHES} batch buffers, recycled after each commit, so a
 * table never holds more than that many batches of rows, and reading, masking and writing overlap.
 *
 * <p>A reader or masker failure travels down the pipeline after the batches handed over before
 * it ({@link #FAILED}), so the writer still commits every batch that came before the failing one;
 * a writer failure, or a stop of the whole copy, halts every stage at its next hand-over.
 */
final class CopyPipeline {

    /** How many batches one table may hold at once (being read, waiting, masked, written). */
    static final int BATCHES = 4;
    private static final long POLL_MILLIS = 50;

    /** One batch of rows; its buffers are reused. */
    static final class Batch {
        final Object[][] rows;
        int size;
        long index;
        long[] counts;

        Batch(int batchSize, int width) {
            this.rows = new Object[batchSize][width];
        }
    }

    /** What failed first, and where. */
    record Failure(String phase, Throwable cause) {
    }

    /** Thrown to a stage when another stage failed or the copy was stopped. */
    static final class Halted extends Exception {
        private static final long serialVersionUID = 1L;

        Halted() {
            super("halted", null, false, false);
        }
    }

    /** Marks the end of the table's rows. */
    static final Batch END = new Batch(0, 0);
    /** Follows the last good batch when the reader or masker failed; see {@link #failure()}. */
    static final Batch FAILED = new Batch(0, 0);

    final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    final BlockingQueue<Batch> toMask = new ArrayBlockingQueue<>(BATCHES + 1);
    final BlockingQueue<Batch> toWrite = new ArrayBlockingQueue<>(BATCHES + 1);
    private final AtomicReference<Failure> failure = new AtomicReference<>();
    private final CopyControl control;
    private volatile boolean halted;

    CopyPipeline(int batchSize, int width, CopyControl control) {
        this.control = control;
        for (int i = 0; i < BATCHES; i++) {
            free.add(new Batch(batchSize, width));
        }
    }

    /**
     * Records the writer's failure (the first one wins) and halts every stage.
     *
     * @param phase {@code writing}
     * @param cause the failure
     */
    void fail(String phase, Throwable cause) {
        failure.compareAndSet(null, new Failure(phase, cause));
        halted = true;
    }

    /**
     * Records a reader or masker failure (the first one wins) and hands {@link #FAILED} to the next
     * stage, after the batches already handed over.
     *
     * @param phase {@code reading} or {@code masking}
     * @param cause the failure
     * @param next the next stage's queue
     */
    void failUpstream(String phase, Throwable cause, BlockingQueue<Batch> next) {
        failure.compareAndSet(null, new Failure(phase, cause));
        try {
            put(next, FAILED);
        } catch (Halted h) {
            // the writer failed or the copy stopped meanwhile: nothing waits for the marker
        }
    }

    /** Halts every stage at its next hand-over (the table is finished or abandoned). */
    void halt() {
        halted = true;
    }

    /** @return the first failure, or {@code null} */
    Failure failure() {
        return failure.get();
    }

    /**
     * Takes the next batch from a queue, waiting as long as the copy goes on.
     *
     * @param queue the queue
     * @return the batch (or {@link #END})
     * @throws Halted if a stage failed or the copy was stopped
     */
    Batch take(BlockingQueue<Batch> queue) throws Halted {
        while (true) {
            check();
            try {
                Batch b = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (b != null) {
                    return b;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Halted();
            }
        }
    }

    /**
     * Hands a batch to the next stage, waiting as long as the copy goes on.
     *
     * @param queue the next stage's queue
     * @param batch the batch
     * @throws Halted if a stage failed or the copy was stopped
     */
    void put(BlockingQueue<Batch> queue, Batch batch) throws Halted {
        while (true) {
            check();
            try {
                if (queue.offer(batch, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Halted();
            }
        }
    }

    private void check() throws Halted {
        if (halted || control.stopped() || Thread.currentThread().isInterrupted()) {
            throw new Halted();
        }
    }
}
