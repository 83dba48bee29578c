package io.drm.masking.internal;

import io.drm.masking.MaskingListener;
import io.drm.spi.AuditSink;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What both kinds of masking job share, frozen by their builders.
 *
 * @param batchSize rows per batch (one transaction each)
 * @param listener the progress listener, or {@code null}
 * @param progressInterval how often a progress line is logged per table
 * @param auditSink where {@code masking.completed} / {@code masking.failed} go, or {@code null}
 * @param environment the environment named in audit events
 * @param actor the actor named in audit events
 * @param clock the clock for audit and progress timestamps
 */
public record JobSettings(int batchSize, MaskingListener listener, Duration progressInterval, AuditSink auditSink,
        String environment, String actor, Clock clock) {

    /** Validates. */
    public JobSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        Objects.requireNonNull(progressInterval, "progressInterval");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(clock, "clock");
    }
}
