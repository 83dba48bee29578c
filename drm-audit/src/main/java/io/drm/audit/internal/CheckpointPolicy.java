package io.drm.audit.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * When a tamper-evident sink writes its next checkpoint: after so many events, or when so much time
 * has passed since the last checkpoint, at the next append. One rule for the file and table sinks.
 *
 * @param events a checkpoint after this many events not yet covered, at least 1
 * @param interval or after this much time, positive
 */
public record CheckpointPolicy(long events, Duration interval) {

    /** Every 10,000 events or every minute. */
    public static final CheckpointPolicy DEFAULT = new CheckpointPolicy(10_000, Duration.ofMinutes(1));

    /**
     * @throws NullPointerException if {@code interval} is null
     * @throws IllegalArgumentException if {@code events} is below 1 or the interval not positive
     */
    public CheckpointPolicy {
        Objects.requireNonNull(interval, "interval");
        if (events < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("checkpoint every must be at least 1 event and a positive time");
        }
    }

    /**
     * @param uncovered entries the last checkpoint does not cover
     * @param sinceLast time since the last checkpoint (or since the log was opened, without one)
     * @return whether a checkpoint is due
     */
    public boolean due(long uncovered, Duration sinceLast) {
        return uncovered >= events || sinceLast.compareTo(interval) >= 0;
    }
}
