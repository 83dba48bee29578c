package io.drm.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One event of the audit trail, such as {@code release.started} or {@code migration.applied}.
 *
 * <p>Actions written by drm-core: {@code release.started}, {@code migration.applied},
 * {@code release.completed}, {@code release.failed}. Details never contain a secret or an
 * unmasked value.
 *
 * @param id unique id of the event
 * @param time when it happened
 * @param actor who caused it (a user or a service account)
 * @param action what happened, lower-case and dotted, for example {@code release.started}
 * @param environment where it happened, for example {@code staging}
 * @param target what it happened to, for example the database product and schema, or a version
 * @param outcome whether it succeeded
 * @param details further facts, sorted by key (release id, plan id, versions, durations, errors)
 */
public record AuditEvent(
        String id,
        Instant time,
        String actor,
        String action,
        String environment,
        String target,
        Outcome outcome,
        SortedMap<String, String> details) {

    /** Whether what the event records succeeded. */
    public enum Outcome {
        /** It succeeded. */
        SUCCESS,
        /** It failed. */
        FAILURE,
        /** Not known yet or not applicable (for example a start). */
        UNKNOWN
    }

    /** Validates and copies. */
    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        details = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(details, "details")));
    }

    /**
     * Creates an event with details given as a map.
     *
     * @param id unique id
     * @param time when
     * @param actor who
     * @param action what
     * @param environment where
     * @param target to what
     * @param outcome how it ended
     * @param details further facts
     * @return the event
     */
    public static AuditEvent of(String id, Instant time, String actor, String action, String environment,
            String target, Outcome outcome, Map<String, String> details) {
        return new AuditEvent(id, time, actor, action, environment, target, outcome, new TreeMap<>(details));
    }
}
