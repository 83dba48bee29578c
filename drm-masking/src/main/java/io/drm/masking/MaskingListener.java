package io.drm.masking;

/**
 * Receives the progress of a masking job, table by table.
 *
 * <p>Contract: called from the job's threads (several at once in a {@link MaskedCopy} with
 * parallelism above one), so implementations must be thread-safe. It is called after batches,
 * at most ten times a second per table, and always when a table starts and when it is finished.
 * It should return quickly: the job waits for it. A {@link RuntimeException} it throws is logged
 * once per table at WARN and otherwise ignored; progress reporting never fails a job.
 *
 * <pre>{@code
 * MaskingListener listener = p -> System.out.printf("%s: %d of %d rows%n", p.table(), p.rowsDone(), p.rowsTotal());
 * }</pre>
 */
@FunctionalInterface
public interface MaskingListener {

    /**
     * Reports progress on one table.
     *
     * @param progress the table's progress
     */
    void progress(MaskingProgress progress);
}
