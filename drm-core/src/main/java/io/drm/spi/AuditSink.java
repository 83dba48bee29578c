package io.drm.spi;

import java.util.Optional;

/**
 * Where drm writes its audit trail.
 *
 * <p>Contract: {@link #append(AuditEvent)} is called from the thread that runs the release, in
 * the order the events happen; it may block (for example to write to a database or a file). It
 * signals a failure to record by throwing any {@link RuntimeException}. Audit is fail-closed: when
 * {@code release.started} cannot be appended the release does not start and nothing is applied;
 * when a later event cannot be appended the caller gets an {@code AuditException} that says what
 * the release did. Implementations used by several releases at once must be thread-safe.
 *
 * <pre>{@code
 * DataRelease.configure()
 *         .dataSource(ds)
 *         .locations("classpath:db/release")
 *         .auditSink(event -> myLog.write(event))
 *         .plan()
 *         .apply();
 * }</pre>
 */
@FunctionalInterface
public interface AuditSink {

    /**
     * Records one event.
     *
     * @param event the event
     * @throws RuntimeException if the event could not be recorded
     */
    void append(AuditEvent event);

    /**
     * Makes every appended event durable. drm calls it at the end of each release. The default does
     * nothing, for sinks that write through.
     *
     * @throws RuntimeException if the events could not be made durable
     */
    default void flush() {
    }

    /**
     * Makes every appended event durable and, for a tamper-evident sink, writes a (signed)
     * checkpoint of its log. drm calls it at the end of each successful release, after the
     * release's last step and before {@code release.completed}, and puts the checkpoint's tree
     * size, root hash and key id into that event. The default flushes and returns empty, for
     * sinks without checkpoints.
     *
     * @return the checkpoint written, or empty when the sink has none
     * @throws RuntimeException if the events could not be made durable or the checkpoint written
     */
    default Optional<AuditCheckpoint> checkpoint() {
        flush();
        return Optional.empty();
    }
}
