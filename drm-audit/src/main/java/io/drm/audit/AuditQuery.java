package io.drm.audit;

import io.drm.spi.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which entries of an audit log to read: an immutable filter, built fluently from {@link #all()}.
 * Every method returns a new query; the parts given combine with AND, and the actions given to
 * {@link #action(String...)} with OR.
 *
 * <pre>{@code
 * AuditQuery failedInProd = AuditQuery.all()
 *         .from(Instant.parse("2026-10-01T00:00:00Z"))
 *         .until(Instant.parse("2026-11-01T00:00:00Z"))
 *         .environment("prod")
 *         .outcome(AuditEvent.Outcome.FAILURE);
 * }</pre>
 *
 * <p>Strings are compared exactly (case-sensitive). The release id is the event's
 * {@code releaseId} detail.
 */
public final class AuditQuery {

    /** The detail that holds an event's release id. */
    static final String RELEASE_ID = "releaseId";

    private static final AuditQuery ALL = new AuditQuery(null, null, List.of(), null, null, null, null);

    private final Instant from;
    private final Instant until;
    private final List<String> actions;
    private final String environment;
    private final String releaseId;
    private final String actor;
    private final AuditEvent.Outcome outcome;

    private AuditQuery(Instant from, Instant until, List<String> actions, String environment, String releaseId,
            String actor, AuditEvent.Outcome outcome) {
        this.from = from;
        this.until = until;
        this.actions = actions;
        this.environment = environment;
        this.releaseId = releaseId;
        this.actor = actor;
        this.outcome = outcome;
    }

    /**
     * @return the query that matches every entry
     */
    public static AuditQuery all() {
        return ALL;
    }

    /**
     * Keeps the entries whose event time is at or after {@code from}.
     *
     * @param from the start of the period, inclusive
     * @return a new query
     * @throws NullPointerException if {@code from} is null
     * @throws IllegalArgumentException if it is not before the {@link #until(Instant)} already given
     */
    public AuditQuery from(Instant from) {
        Objects.requireNonNull(from, "from");
        period(from, until);
        return new AuditQuery(from, until, actions, environment, releaseId, actor, outcome);
    }

    /**
     * Keeps the entries whose event time is before {@code until}.
     *
     * @param until the end of the period, exclusive
     * @return a new query
     * @throws NullPointerException if {@code until} is null
     * @throws IllegalArgumentException if it is not after the {@link #from(Instant)} already given
     */
    public AuditQuery until(Instant until) {
        Objects.requireNonNull(until, "until");
        period(from, until);
        return new AuditQuery(from, until, actions, environment, releaseId, actor, outcome);
    }

    /**
     * Keeps the entries whose action is one of these, for example {@code release.completed} and
     * {@code release.failed}. Replaces the actions given before.
     *
     * @param actions one or more actions
     * @return a new query
     * @throws NullPointerException if the array or one of the actions is null
     * @throws IllegalArgumentException if no action is given or one is blank
     */
    public AuditQuery action(String... actions) {
        Objects.requireNonNull(actions, "actions");
        if (actions.length == 0) {
            throw new IllegalArgumentException("give at least one action");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String a : actions) {
            distinct.add(text(a, "action"));
        }
        return new AuditQuery(from, until, Collections.unmodifiableList(new ArrayList<>(distinct)), environment,
                releaseId, actor, outcome);
    }

    /**
     * Keeps the entries of one environment, for example {@code prod}.
     *
     * @param environment the environment
     * @return a new query
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it is blank
     */
    public AuditQuery environment(String environment) {
        return new AuditQuery(from, until, actions, text(environment, "environment"), releaseId, actor, outcome);
    }

    /**
     * Keeps the entries of one release (the events whose {@code releaseId} detail is this).
     *
     * @param releaseId the release id
     * @return a new query
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it is blank
     */
    public AuditQuery releaseId(String releaseId) {
        return new AuditQuery(from, until, actions, environment, text(releaseId, "releaseId"), actor, outcome);
    }

    /**
     * Keeps the entries caused by one actor (a user or a service account).
     *
     * @param actor the actor
     * @return a new query
     * @throws NullPointerException if it is null
     * @throws IllegalArgumentException if it is blank
     */
    public AuditQuery actor(String actor) {
        return new AuditQuery(from, until, actions, environment, releaseId, text(actor, "actor"), outcome);
    }

    /**
     * Keeps the entries with one outcome.
     *
     * @param outcome the outcome
     * @return a new query
     * @throws NullPointerException if it is null
     */
    public AuditQuery outcome(AuditEvent.Outcome outcome) {
        return new AuditQuery(from, until, actions, environment, releaseId, actor,
                Objects.requireNonNull(outcome, "outcome"));
    }

    /**
     * Tells whether an entry's event passes every part of this query.
     *
     * @param entry the entry
     * @return whether it matches
     * @throws NullPointerException if {@code entry} is null
     */
    public boolean matches(AuditEntry entry) {
        AuditEvent e = Objects.requireNonNull(entry, "entry").event();
        return (from == null || !e.time().isBefore(from))
                && (until == null || e.time().isBefore(until))
                && (actions.isEmpty() || actions.contains(e.action()))
                && (environment == null || environment.equals(e.environment()))
                && (releaseId == null || releaseId.equals(e.details().get(RELEASE_ID)))
                && (actor == null || actor.equals(e.actor()))
                && (outcome == null || outcome == e.outcome());
    }

    Instant fromTime() {
        return from;
    }

    Instant untilTime() {
        return until;
    }

    List<String> actions() {
        return actions;
    }

    String environmentName() {
        return environment;
    }

    String releaseIdValue() {
        return releaseId;
    }

    private static void period(Instant from, Instant until) {
        if (from != null && until != null && !from.isBefore(until)) {
            throw new IllegalArgumentException("the period is empty: from " + from + " is not before until " + until);
        }
    }

    private static String text(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditQuery q && Objects.equals(from, q.from) && Objects.equals(until, q.until)
                && actions.equals(q.actions) && Objects.equals(environment, q.environment)
                && Objects.equals(releaseId, q.releaseId) && Objects.equals(actor, q.actor) && outcome == q.outcome;
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, until, actions, environment, releaseId, actor, outcome);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("AuditQuery[");
        String sep = "";
        if (from != null) {
            b.append("from=").append(from);
            sep = ", ";
        }
        if (until != null) {
            b.append(sep).append("until=").append(until);
            sep = ", ";
        }
        if (!actions.isEmpty()) {
            b.append(sep).append("actions=").append(actions);
            sep = ", ";
        }
        if (environment != null) {
            b.append(sep).append("environment=").append(environment);
            sep = ", ";
        }
        if (releaseId != null) {
            b.append(sep).append("releaseId=").append(releaseId);
            sep = ", ";
        }
        if (actor != null) {
            b.append(sep).append("actor=").append(actor);
            sep = ", ";
        }
        if (outcome != null) {
            b.append(sep).append("outcome=").append(outcome);
        }
        return b.append(']').toString();
    }
}
