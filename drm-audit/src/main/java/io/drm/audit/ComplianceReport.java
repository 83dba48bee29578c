package io.drm.audit;

import io.drm.spi.AuditEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What an audit log records for a period, optionally of one environment: how many events of each
 * action and outcome, the releases and how each ended, the failures, and the range of sequence
 * numbers covered; exported as JSON or as CSV with one row per event.
 *
 * <pre>{@code
 * AuditLog log = AuditLog.forFiles(Path.of("/var/log/app/audit.jsonl"));
 * VerificationReport verified = AuditVerifier.forFiles(Path.of("/var/log/app/audit.jsonl"))
 *         .trusting(keys).verify();
 * ComplianceReport report = ComplianceReport.builder(log, Instant.parse("2026-10-01T00:00:00Z"),
 *                 Instant.parse("2026-11-01T00:00:00Z"))
 *         .environment("prod")
 *         .verifiedWith(verified)
 *         .build();
 * Files.writeString(Path.of("october-prod.json"), report.toJson());
 * try (Writer csv = Files.newBufferedWriter(Path.of("october-prod.csv"))) {
 *     report.writeCsv(csv);
 * }
 * }</pre>
 *
 * <p>The report reads the log as {@link AuditLog} does: entries as stored, not verified. Embed
 * the report of {@link AuditVerifier} with {@link Builder#verifiedWith(VerificationReport)} to show
 * that the log was intact (that report covers the whole log, not only the period).
 *
 * <p>A release is the set of events with the same {@code releaseId} detail. Its outcome is that of
 * its last {@code release.completed} or {@code release.failed} event in the period; a release with
 * neither is {@link ReleaseOutcome#STARTED_ONLY} (still running, stopped without a record, or
 * finished after the period ends).
 *
 * <p>Building reads the log once; memory grows with the number of releases and failures in the
 * period, not with the number of events. {@link #writeCsv(Writer)} reads the log again, up to the
 * last sequence number the report covers. Events carry no secrets by contract, and the report adds
 * none. Immutable and thread-safe.
 */
public final class ComplianceReport {

    /** The {@code type} field of the JSON export. */
    public static final String TYPE = "drm.audit.compliance-report/v1";

    /** The columns of the CSV export, in order. */
    public static final List<String> CSV_COLUMNS = List.of("seq", "time", "action", "outcome", "actor",
            "environment", "target", "release_id", "event_id", "details");

    private static final String START = "release.started";
    private static final String COMPLETED = "release.completed";
    private static final String FAILED = "release.failed";

    /** How a release ended, as far as the period shows. */
    public enum ReleaseOutcome {
        /** Its last end event in the period is {@code release.completed}. */
        COMPLETED("completed"),
        /** Its last end event in the period is {@code release.failed}. */
        FAILED("failed"),
        /** Neither {@code release.completed} nor {@code release.failed} is in the period. */
        STARTED_ONLY("started-only");

        private final String label;

        ReleaseOutcome(String label) {
            this.label = label;
        }

        /** @return the name in the JSON export: {@code completed}, {@code failed} or {@code started-only} */
        public String label() {
            return label;
        }
    }

    /**
     * One release seen in the period.
     *
     * @param releaseId the release id
     * @param firstTime the time of its first event in the period
     * @param lastTime the time of its last event in the period
     * @param actor who started it: the actor of its {@code release.started} event, or of its first
     *     event in the period when the start is not in it
     * @param environment the environment of its first event in the period
     * @param outcome how it ended
     * @param firstSeq the sequence number of its first event in the period
     * @param lastSeq the sequence number of its last event in the period
     * @param events how many of its events are in the period
     */
    public record Release(String releaseId, Instant firstTime, Instant lastTime, String actor, String environment,
            ReleaseOutcome outcome, long firstSeq, long lastSeq, long events) {

        /**
         * Validates.
         *
         * @param releaseId the release id
         * @param firstTime the time of its first event in the period
         * @param lastTime the time of its last event in the period
         * @param actor who started it
         * @param environment where
         * @param outcome how it ended
         * @param firstSeq the sequence number of its first event in the period
         * @param lastSeq the sequence number of its last event in the period
         * @param events how many of its events are in the period
         * @throws NullPointerException if a reference is null
         */
        public Release {
            Objects.requireNonNull(releaseId, "releaseId");
            Objects.requireNonNull(firstTime, "firstTime");
            Objects.requireNonNull(lastTime, "lastTime");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    private final AuditLog log;
    private final AuditQuery query;
    private final Instant from;
    private final Instant until;
    private final String environment;
    private final VerificationReport verification;
    private final long entries;
    private final long firstSeq;
    private final long lastSeq;
    private final SortedMap<String, Long> actionCounts;
    private final Map<AuditEvent.Outcome, Long> outcomeCounts;
    private final List<Release> releases;
    private final List<AuditEntry> failures;

    private ComplianceReport(Builder b, Tally tally) {
        this.log = b.log;
        this.query = b.query();
        this.from = b.from;
        this.until = b.until;
        this.environment = b.environment;
        this.verification = b.verification;
        this.entries = tally.entries;
        this.firstSeq = tally.firstSeq;
        this.lastSeq = tally.lastSeq;
        this.actionCounts = Collections.unmodifiableSortedMap(new TreeMap<>(tally.actions));
        this.outcomeCounts = Collections.unmodifiableMap(new EnumMap<>(tally.outcomes));
        List<Release> rs = new ArrayList<>();
        for (Tally.Open r : tally.releases.values()) {
            rs.add(r.release());
        }
        this.releases = List.copyOf(rs);
        this.failures = List.copyOf(tally.failures);
    }

    /**
     * Starts a report over a period.
     *
     * @param log the log to read
     * @param from the start of the period, inclusive
     * @param until the end of the period, exclusive
     * @return a builder; {@link Builder#build()} reads the log
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code from} is not before {@code until}
     */
    public static Builder builder(AuditLog log, Instant from, Instant until) {
        return new Builder(log, from, until);
    }

    /**
     * @param log the log to read
     * @param from the start of the period, inclusive
     * @param until the end of the period, exclusive
     * @return a builder
     * @deprecated use {@link #builder(AuditLog, Instant, Instant)}: builders are started with
     *     {@code builder(...)} in every module, {@code of} makes values
     */
    @Deprecated
    public static Builder of(AuditLog log, Instant from, Instant until) {
        return builder(log, from, until);
    }

    /** Chooses what a {@link ComplianceReport} covers; {@link #build()} reads the log. */
    public static final class Builder {
        private final AuditLog log;
        private final Instant from;
        private final Instant until;
        private String environment;
        private VerificationReport verification;

        private Builder(AuditLog log, Instant from, Instant until) {
            this.log = Objects.requireNonNull(log, "log");
            this.from = Objects.requireNonNull(from, "from");
            this.until = Objects.requireNonNull(until, "until");
            AuditQuery.all().from(from).until(until);
        }

        /**
         * Restricts the report to one environment; by default it covers all.
         *
         * @param environment the environment, for example {@code prod}
         * @return this
         * @throws NullPointerException if it is null
         * @throws IllegalArgumentException if it is blank
         */
        public Builder environment(String environment) {
            AuditQuery.all().environment(environment);
            this.environment = environment;
            return this;
        }

        /**
         * Embeds what {@link AuditVerifier#verify()} found for this log in the report's
         * {@code verification} section: {@code ok} (intact and authenticated by trusted keys),
         * {@code intact} (chain and roots hold, authenticity not checked), {@code verdict} (which of
         * the two, in words), the entries verified, the latest verified checkpoint's size and root,
         * whether signatures were checked, and the first problem.
         *
         * @param report the verifier's report
         * @return this
         * @throws NullPointerException if it is null
         */
        public Builder verifiedWith(VerificationReport report) {
            this.verification = Objects.requireNonNull(report, "report");
            return this;
        }

        /**
         * Reads the log and makes the report.
         *
         * @return the report
         * @throws AuditStoreException if the log does not exist, cannot be read, or holds an entry
         *     that is not a well-formed drm entry
         */
        public ComplianceReport build() {
            Tally tally = new Tally();
            try (Stream<AuditEntry> stream = log.query(query())) {
                stream.forEach(tally::add);
            }
            return new ComplianceReport(this, tally);
        }

        private AuditQuery query() {
            AuditQuery q = AuditQuery.all().from(from).until(until);
            return environment == null ? q : q.environment(environment);
        }
    }

    /** @return the start of the period, inclusive */
    public Instant from() {
        return from;
    }

    /** @return the end of the period, exclusive */
    public Instant until() {
        return until;
    }

    /** @return the environment the report is restricted to, or empty for all */
    public Optional<String> environment() {
        return Optional.ofNullable(environment);
    }

    /** @return how many events the report covers */
    public long entries() {
        return entries;
    }

    /** @return the sequence number of the first event covered, or empty when there is none */
    public OptionalLong firstSeq() {
        return entries == 0 ? OptionalLong.empty() : OptionalLong.of(firstSeq);
    }

    /** @return the sequence number of the last event covered, or empty when there is none */
    public OptionalLong lastSeq() {
        return entries == 0 ? OptionalLong.empty() : OptionalLong.of(lastSeq);
    }

    /** @return the number of events of each action seen, sorted by action */
    public SortedMap<String, Long> actionCounts() {
        return actionCounts;
    }

    /** @return the number of events of every outcome (zero for one not seen) */
    public Map<AuditEvent.Outcome, Long> outcomeCounts() {
        return outcomeCounts;
    }

    /** @return the releases seen, in the order of their first event */
    public List<Release> releases() {
        return releases;
    }

    /** @return the events whose outcome is {@link AuditEvent.Outcome#FAILURE}, in sequence order */
    public List<AuditEntry> failures() {
        return failures;
    }

    /** @return the verifier's report given to {@link Builder#verifiedWith}, if any */
    public Optional<VerificationReport> verification() {
        return Optional.ofNullable(verification);
    }

    /**
     * Returns the report as JSON, its fields in a fixed order: {@code type}, {@code period}
     * ({@code from}, {@code until}), {@code environment} (null for all), {@code entries},
     * {@code firstSeq} and {@code lastSeq} (null when there are no entries), {@code actions},
     * {@code outcomes}, {@code releases}, {@code failures} and, when given, {@code verification}.
     * Times are ISO-8601 instants.
     *
     * @return the JSON, indented with two spaces and {@code \n} line ends
     */
    public String toJson() {
        StringWriter out = new StringWriter();
        try {
            writeJson(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes {@link #toJson()} to a writer, which is flushed, not closed.
     *
     * @param out where to write
     * @throws IOException if writing fails
     * @throws NullPointerException if {@code out} is null
     */
    public void writeJson(Writer out) throws IOException {
        ComplianceJson.write(this, Objects.requireNonNull(out, "out"));
    }

    /**
     * Writes one CSV row per event the report covers, in sequence order, after a header row of
     * {@link #CSV_COLUMNS}: sequence number, time (ISO-8601), action, outcome ({@code success},
     * {@code failure} or {@code unknown}), actor, environment, target, release id (empty when the
     * event has none), event id, and the details as one column of canonical JSON. Follows RFC 4180:
     * rows end with CRLF; a field containing a comma, a double quote, CR or LF is enclosed in double
     * quotes, with its double quotes doubled.
     *
     * <p>Reads the log again (so the report's {@link AuditLog} must still be readable) and stops
     * after the last sequence number the report covers, so entries appended since it was built are
     * left out. Values are written as stored; a spreadsheet may read a value that begins with
     * {@code =}, {@code +}, {@code -} or {@code @} as a formula.
     *
     * @param out where to write; flushed, not closed
     * @throws IOException if writing fails
     * @throws NullPointerException if {@code out} is null
     * @throws AuditStoreException if the log cannot be read
     */
    public void writeCsv(Writer out) throws IOException {
        ComplianceCsv.write(log, query, entries, firstSeq, lastSeq, Objects.requireNonNull(out, "out"));
    }

    static String csvField(String value) {
        return ComplianceCsv.field(value);
    }

    @Override
    public String toString() {
        return "ComplianceReport[" + from + ".." + until + (environment == null ? "" : ", " + environment) + ": "
                + entries + " events, " + releases.size() + " releases, " + failures.size() + " failures]";
    }

    /** Counts while the log is read. */
    private static final class Tally {
        private long entries;
        private long firstSeq;
        private long lastSeq;
        private final Map<String, Long> actions = new TreeMap<>();
        private final Map<AuditEvent.Outcome, Long> outcomes = new EnumMap<>(AuditEvent.Outcome.class);
        private final Map<String, Open> releases = new LinkedHashMap<>();
        private final List<AuditEntry> failures = new ArrayList<>();

        Tally() {
            for (AuditEvent.Outcome o : AuditEvent.Outcome.values()) {
                outcomes.put(o, 0L);
            }
        }

        void add(AuditEntry entry) {
            AuditEvent e = entry.event();
            if (entries++ == 0) {
                firstSeq = entry.seq();
            }
            lastSeq = entry.seq();
            actions.merge(e.action(), 1L, Long::sum);
            outcomes.merge(e.outcome(), 1L, Long::sum);
            if (e.outcome() == AuditEvent.Outcome.FAILURE) {
                failures.add(entry);
            }
            String releaseId = e.details().get(AuditQuery.RELEASE_ID);
            if (releaseId != null) {
                releases.computeIfAbsent(releaseId, id -> new Open(id, entry)).add(entry);
            }
        }

        /** A release being tallied. */
        private static final class Open {
            private final String releaseId;
            private final String environment;
            private String actor;
            private boolean started;
            private Instant firstTime;
            private Instant lastTime;
            private final long firstSeq;
            private long lastSeq;
            private long events;
            private ReleaseOutcome outcome = ReleaseOutcome.STARTED_ONLY;

            Open(String releaseId, AuditEntry first) {
                this.releaseId = releaseId;
                this.environment = first.event().environment();
                this.actor = first.event().actor();
                this.firstTime = first.event().time();
                this.lastTime = firstTime;
                this.firstSeq = first.seq();
            }

            void add(AuditEntry entry) {
                AuditEvent e = entry.event();
                events++;
                lastSeq = entry.seq();
                if (e.time().isBefore(firstTime)) {
                    firstTime = e.time();
                }
                if (e.time().isAfter(lastTime)) {
                    lastTime = e.time();
                }
                switch (e.action()) {
                    case START -> {
                        if (!started) {
                            started = true;
                            actor = e.actor();
                        }
                    }
                    case COMPLETED -> outcome = ReleaseOutcome.COMPLETED;
                    case FAILED -> outcome = ReleaseOutcome.FAILED;
                    default -> { }
                }
            }

            Release release() {
                return new Release(releaseId, firstTime, lastTime, actor, environment, outcome, firstSeq, lastSeq,
                        events);
            }
        }
    }
}
