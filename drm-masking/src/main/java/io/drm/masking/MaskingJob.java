package io.drm.masking;

import io.drm.AuditException;
import io.drm.masking.internal.InPlaceEngine;
import io.drm.masking.internal.JobSettings;
import io.drm.spi.AuditSink;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Masks tables in place: each table with rules is read in primary-key order in batches; each batch
 * is masked, written back with {@code UPDATE ... WHERE key = ?} and committed in one transaction
 * together with the job's progress row in {@code drm_masking_progress} (created on first use).
 * A run that fails or is interrupted leaves every committed batch masked and recorded; running the
 * same job again (same job id) skips the finished tables and continues after the last committed
 * key, so no row is masked twice. Running a finished job again does nothing.
 *
 * <p>Before anything is written the rules are checked against the database: every table and
 * column exists (names match case-insensitively), every masker supports its column's type, every
 * table has a primary key and no primary-key column is masked (rows are found by their key; use
 * {@link MaskedCopy} to mask keys).
 *
 * <pre>{@code
 * byte[] pii = KeyProvider.environment().key("pii");       // DRM_MASKING_KEY_PII=<base64>
 * MaskingRules rules = MaskingRules.builder()
 *         .column("customer", "email", Maskers.email(pii, null))
 *         .column("customer", "name", Maskers.fullName(pii))
 *         .build();
 * MaskingReport report = MaskingJob.inPlace(dataSource, rules)
 *         .batchSize(1000)
 *         .auditSink(auditSink)
 *         .environment("staging")
 *         .build()
 *         .run();
 * System.out.println(report.rows() + " rows masked");
 * }</pre>
 *
 * <p>A job is immutable and may be run more than once; each run resumes where the last one
 * stopped. Two runs of the same job at once are safe: each batch locks the job's progress row, so
 * they take turns. Instances are thread-safe.
 */
public final class MaskingJob {

    private final DataSource dataSource;
    private final MaskingRules rules;
    private final String jobId;
    private final JobSettings settings;

    private MaskingJob(Builder b) {
        this.dataSource = b.dataSource;
        this.rules = b.rules;
        this.jobId = b.jobId != null ? b.jobId : defaultJobId(b.rules);
        this.settings = new JobSettings(b.batchSize, b.listener, b.progressInterval, b.auditSink, b.environment,
                b.actor, b.clock);
    }

    /**
     * Starts configuring a job that masks a database in place.
     *
     * @param dataSource the database; the job borrows connections and never closes it
     * @param rules which masker masks which column; at least one rule
     * @return a builder
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the rules are empty
     */
    public static Builder inPlace(DataSource dataSource, MaskingRules rules) {
        return new Builder(dataSource, rules);
    }

    /** @return this job's id: the key of its rows in {@code drm_masking_progress} */
    public String jobId() {
        return jobId;
    }

    /**
     * Runs the job, or resumes it after the last committed batch of an earlier run.
     *
     * @return what this run masked, table by table
     * @throws SchemaMismatchException if the rules do not fit the database (nothing was written)
     * @throws UnsafeIdentifierException if a table or column name cannot be quoted safely (nothing was written)
     * @throws MaskingJobException if a table failed or the run was interrupted: the message names the
     *     table and the rows committed, which stay masked, and says that a rerun resumes
     * @throws AuditException if the audit sink could not record the outcome (the masking itself completed)
     */
    public MaskingReport run() {
        return new InPlaceEngine(dataSource, rules, jobId, settings).run();
    }

    @Override
    public String toString() {
        return "MaskingJob[" + jobId + ", " + rules + "]";
    }

    /**
     * The job id used when none is given: derived from the tables, columns and masker names of the
     * rules (not from keys, which drm never sees), so running the same rules again resumes.
     */
    static String defaultJobId(MaskingRules rules) {
        String canonical = rules.rules().stream()
                .map(r -> r.table().toLowerCase(Locale.ROOT) + "." + r.column().toLowerCase(Locale.ROOT) + "="
                        + r.masker().name())
                .sorted().collect(Collectors.joining("\n"));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "mask-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Configures an in-place job. Setters reject {@code null} and nonsense at once; {@link #build()}
     * freezes a copy, so the builder may be reused. Not thread-safe.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private final MaskingRules rules;
        private int batchSize = 1000;
        private String jobId;
        private MaskingListener listener;
        private Duration progressInterval = Duration.ofSeconds(10);
        private AuditSink auditSink;
        private String environment = "default";
        private String actor = System.getProperty("user.name", "unknown");
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource, MaskingRules rules) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.rules = Objects.requireNonNull(rules, "rules");
            if (rules.rules().isEmpty()) {
                throw new IllegalArgumentException("the masking rules are empty: there is nothing to mask in place");
            }
        }

        /**
         * @param batchSize rows per batch and transaction; 1000 by default
         * @return this
         * @throws IllegalArgumentException if not between 1 and 1,000,000
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = Jobs.checkSize("batchSize", batchSize);
            return this;
        }

        /**
         * Names the job. Runs with the same id share progress: a rerun resumes, a finished job does
         * nothing. By default the id is derived from the rules' tables, columns and masker names;
         * give a new id to mask the same columns again (new rows, a new key).
         *
         * @param jobId up to 200 characters
         * @return this
         * @throws IllegalArgumentException if blank or longer than 200 characters
         */
        public Builder jobId(String jobId) {
            this.jobId = Jobs.checkJobId(jobId);
            return this;
        }

        /**
         * @param listener told of each table's progress (see {@link MaskingListener} for its contract)
         * @return this
         * @throws NullPointerException if null
         */
        public Builder listener(MaskingListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @param interval how often a progress line per table is logged at INFO; 10 s by default
         * @return this
         * @throws IllegalArgumentException if not positive
         */
        public Builder progressInterval(Duration interval) {
            this.progressInterval = Jobs.checkInterval(interval);
            return this;
        }

        /**
         * @param auditSink receives {@code masking.completed} or {@code masking.failed}; none by default
         * @return this
         * @throws NullPointerException if null
         */
        public Builder auditSink(AuditSink auditSink) {
            this.auditSink = Objects.requireNonNull(auditSink, "auditSink");
            return this;
        }

        /**
         * @param environment the environment named in audit events; {@code default} by default
         * @return this
         * @throws IllegalArgumentException if blank
         */
        public Builder environment(String environment) {
            this.environment = Jobs.checkText("environment", environment);
            return this;
        }

        /**
         * @param actor who runs the job, for audit events; the {@code user.name} by default
         * @return this
         * @throws IllegalArgumentException if blank
         */
        public Builder actor(String actor) {
            this.actor = Jobs.checkText("actor", actor);
            return this;
        }

        /**
         * @param clock the clock for audit and progress timestamps; UTC system clock by default
         * @return this
         * @throws NullPointerException if null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the job, frozen */
        public MaskingJob build() {
            return new MaskingJob(this);
        }
    }

    /** Checks shared by the builders. */
    static final class Jobs {
        private Jobs() {
        }

        static int checkSize(String what, int size) {
            if (size < 1 || size > 1_000_000) {
                throw new IllegalArgumentException(what + " must be between 1 and 1,000,000: " + size);
            }
            return size;
        }

        static String checkJobId(String jobId) {
            Objects.requireNonNull(jobId, "jobId");
            if (jobId.isBlank() || jobId.length() > 200) {
                throw new IllegalArgumentException("jobId must not be blank or longer than 200 characters");
            }
            return jobId;
        }

        static Duration checkInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("the progress interval must be positive: " + interval);
            }
            return interval;
        }

        static String checkText(String what, String value) {
            Objects.requireNonNull(value, what);
            if (value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }

        static List<String> names(String... names) {
            for (String n : names) {
                checkText("table", n);
            }
            return List.of(names);
        }
    }
}
