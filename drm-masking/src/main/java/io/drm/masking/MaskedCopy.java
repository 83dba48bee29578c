package io.drm.masking;

import io.drm.AuditException;
import io.drm.masking.MaskingJob.Jobs;
import io.drm.masking.internal.CopyEngine;
import io.drm.masking.internal.JobSettings;
import io.drm.spi.AuditSink;
import io.drm.spi.AuditEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Copies tables from a source database to a target whose schema already exists (for example
 * released there by drm), masking the ruled columns on the way. Unruled columns are copied as
 * they are.
 *
 * <p>Tables are copied in foreign-key order: a table starts once every copied table it
 * references is complete in the target, and up to {@code parallelism} independent tables are
 * copied at once. Rows are streamed from the source with a fetch size and written in batches of
 * {@code batchSize} rows, one commit per batch, so memory stays bounded whatever the size of a
 * table. The target is written with PostgreSQL's COPY protocol (when the PostgreSQL driver is on
 * the class path), multi-row INSERTs on MySQL and MariaDB, and JDBC batches elsewhere. Keyed
 * maskers are deterministic, so a key masked in a parent table and in its children still joins.
 *
 * <p>Before anything is written, the tables, columns and rules are checked against both schemas
 * (names match case-insensitively), the foreign keys are checked for cycles, and every target
 * table must be empty. A failing table stops the others after their current batch; a masked copy
 * does not resume, so the exception lists what the target holds.
 *
 * <pre>{@code
 * byte[] pii = KeyProvider.environment().key("pii");       // DRM_MASKING_KEY_PII=<base64>
 * TypedMasker customerNo = Maskers.fpe(pii, "0123456789");  // deterministic: keys still join
 * MaskingRules rules = MaskingRules.builder()
 *         .column("customer", "customer_no", customerNo)
 *         .column("orders", "customer_no", customerNo)
 *         .column("customer", "email", Maskers.email(pii, null))
 *         .column("customer", "card_number", Maskers.paymentCard(pii, true))
 *         .build();
 * MaskingReport report = MaskedCopy.from(production)
 *         .to(staging)
 *         .rules(rules)
 *         .parallelism(2)
 *         .auditSink(auditSink)
 *         .environment("staging")
 *         .build()
 *         .run();
 * }</pre>
 *
 * <p>A copy is immutable; instances are thread-safe.
 */
public final class MaskedCopy {

    private final CopyEngine.Options options;
    private final Promotion promotion;

    /** A copy declared as a promotion between environments, checked by a guard before anything runs. */
    private record Promotion(String from, String to, ClassificationReport classification, PromotionGuard guard) {
    }

    private MaskedCopy(CopyEngine.Options options, Promotion promotion) {
        this.options = options;
        this.promotion = promotion;
    }

    /**
     * Starts configuring a copy.
     *
     * @param source where the rows come from; the copy borrows connections and never closes it
     * @return a builder
     * @throws NullPointerException if {@code source} is null
     */
    public static Builder from(DataSource source) {
        return new Builder(source);
    }

    /**
     * Runs the copy.
     *
     * @return what was copied, table by table in the order they were finished
     * @throws SchemaMismatchException if a table, column or rule does not fit the source or the
     *     target, or a masker does not support its column's type (nothing was written)
     * @throws UnsafeIdentifierException if a name cannot be quoted safely (nothing was written)
     * @throws MaskingJobException if the foreign keys form a cycle or a target table is not empty
     *     (nothing was written), or a table failed or the run was interrupted: the message names
     *     the table, the rows committed, and what each target table holds
     * @throws PromotionBlockedException if the copy is a promotion to a lower environment and a column
     *     classified PII, PHI, PCI or SECRET has no rule (nothing was read beyond the classifier's sample,
     *     nothing was written; a {@code policy.violation} event names the columns when an audit sink is set)
     * @throws AuditException if the audit sink could not record the outcome (the copy itself completed)
     */
    public MaskingReport run() {
        if (promotion != null) {
            guard();
        }
        return new CopyEngine(options).run();
    }

    private void guard() {
        ClassificationReport report = promotion.classification() != null ? promotion.classification()
                : PiiClassifier.create().classify(options.source());
        if (!options.tables().isEmpty()) {
            List<ColumnClassification> copied = new ArrayList<>();
            for (ColumnClassification c : report.columns()) {
                if (options.tables().stream().anyMatch(t -> t.equalsIgnoreCase(c.table()))) {
                    copied.add(c);
                }
            }
            report = ClassificationReport.of(copied);
        }
        try {
            promotion.guard().check(promotion.from(), promotion.to(), report, options.rules());
        } catch (PromotionBlockedException e) {
            AuditSink sink = options.settings().auditSink();
            if (sink != null) {
                List<String> uncovered = new ArrayList<>();
                for (ColumnClassification c : PromotionGuard.uncovered(report, options.rules())) {
                    uncovered.add(c.qualifiedName() + " (" + c.classification() + ")");
                }
                Map<String, String> details = new LinkedHashMap<>();
                details.put("policy", "promotion-guard");
                details.put("from", promotion.from());
                details.put("to", promotion.to());
                details.put("uncoveredColumns", String.join(", ", uncovered));
                try {
                    sink.append(AuditEvent.of(UUID.randomUUID().toString(), options.settings().clock().instant(),
                            options.settings().actor(), "policy.violation", promotion.to(), "masked copy",
                            AuditEvent.Outcome.FAILURE, details));
                } catch (RuntimeException auditFailure) {
                    e.addSuppressed(auditFailure);
                }
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "MaskedCopy[" + (options.tables().isEmpty() ? "all tables" : options.tables()) + ", " + options.rules()
                + "]";
    }

    /**
     * Configures a masked copy. Setters reject {@code null} and nonsense at once; {@link #build()}
     * checks that a target and rules are given and freezes a copy, so the builder may be reused.
     * Not thread-safe.
     */
    public static final class Builder {
        private final DataSource source;
        private DataSource target;
        private MaskingRules rules;
        private List<String> tables = List.of();
        private int fetchSize = 1000;
        private int batchSize = 1000;
        private int parallelism = 2;
        private MaskingListener listener;
        private Duration progressInterval = Duration.ofSeconds(10);
        private AuditSink auditSink;
        private String environment = "default";
        private String actor = System.getProperty("user.name", "unknown");
        private Clock clock = Clock.systemUTC();
        private String promotionFrom;
        private String promotionTo;
        private ClassificationReport classification;
        private PromotionGuard guard = PromotionGuard.standard();

        private Builder(DataSource source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        /**
         * @param target the database to copy into; its tables must exist and be empty
         * @return this
         * @throws NullPointerException if null
         */
        public Builder to(DataSource target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /**
         * @param rules which masker masks which column; required. Rules of tables that are not
         *     copied are checked against the source but not used. Empty rules copy without masking
         *     (logged at WARN), which is what a benchmark's baseline wants and little else
         * @return this
         * @throws NullPointerException if null
         */
        public Builder rules(MaskingRules rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /**
         * @param tables the tables to copy (any case); by default every user table of the source's
         *     schema (drm's own tables and Flyway's history excluded). References to tables left
         *     out are expected to be satisfied by the target already.
         * @return this
         * @throws IllegalArgumentException if a name is blank or none is given
         */
        public Builder tables(String... tables) {
            Objects.requireNonNull(tables, "tables");
            if (tables.length == 0) {
                throw new IllegalArgumentException("name at least one table, or leave tables(...) out for all");
            }
            this.tables = Jobs.names(tables);
            return this;
        }

        /**
         * @param fetchSize rows the source driver fetches per round trip; 1000 by default
         * @return this
         * @throws IllegalArgumentException if not between 1 and 1,000,000
         */
        public Builder fetchSize(int fetchSize) {
            this.fetchSize = Jobs.checkSize("fetchSize", fetchSize);
            return this;
        }

        /**
         * @param batchSize rows per target batch and commit; 1000 by default
         * @return this
         * @throws IllegalArgumentException if not between 1 and 1,000,000
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = Jobs.checkSize("batchSize", batchSize);
            return this;
        }

        /**
         * @param parallelism how many tables are copied at once (each with a source and a target
         *     connection); 2 by default
         * @return this
         * @throws IllegalArgumentException if not between 1 and 64
         */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1 || parallelism > 64) {
                throw new IllegalArgumentException("parallelism must be between 1 and 64: " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /**
         * @param listener told of each table's progress, from the copy's threads (see {@link MaskingListener})
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
         * @param environment the target's environment, named in audit events; {@code default} by default
         * @return this
         * @throws IllegalArgumentException if blank
         */
        public Builder environment(String environment) {
            this.environment = Jobs.checkText("environment", environment);
            return this;
        }

        /**
         * @param actor who runs the copy, for audit events; the {@code user.name} by default
         * @return this
         * @throws IllegalArgumentException if blank
         */
        public Builder actor(String actor) {
            this.actor = Jobs.checkText("actor", actor);
            return this;
        }

        /**
         * @param clock the clock for audit timestamps; UTC system clock by default
         * @return this
         * @throws NullPointerException if null
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Declares the copy a promotion between environments. Before anything is written, the
         * source is classified with {@link PiiClassifier} (or {@code classification} is used), and
         * when the copy goes to a lower environment (see {@link #guard}), every column of the copied
         * tables classified PII, PHI, PCI or SECRET must have a rule, or the copy is refused with
         * {@link PromotionBlockedException} naming every uncovered column.
         *
         * @param fromEnvironment the source's environment, for example {@code "prod"}
         * @param toEnvironment the target's environment, for example {@code "dev"}
         * @return this
         * @throws NullPointerException if either is null
         */
        public Builder promotion(String fromEnvironment, String toEnvironment) {
            this.promotionFrom = Objects.requireNonNull(fromEnvironment, "fromEnvironment");
            this.promotionTo = Objects.requireNonNull(toEnvironment, "toEnvironment");
            return this;
        }

        /**
         * As {@link #promotion(String, String)}, with a classification made (and reviewed) beforehand.
         *
         * @param fromEnvironment the source's environment
         * @param toEnvironment the target's environment
         * @param classification the source's classification
         * @return this
         * @throws NullPointerException if any is null
         */
        public Builder promotion(String fromEnvironment, String toEnvironment, ClassificationReport classification) {
            promotion(fromEnvironment, toEnvironment);
            this.classification = Objects.requireNonNull(classification, "classification");
            return this;
        }

        /**
         * @param guard the order of environments for {@link #promotion}; {@link PromotionGuard#standard()} by default
         * @return this
         * @throws NullPointerException if null
         */
        public Builder guard(PromotionGuard guard) {
            this.guard = Objects.requireNonNull(guard, "guard");
            return this;
        }

        /**
         * @return the copy, frozen
         * @throws JobConfigurationException (DRM-MASK-007) if no target or no rules were given, or the target is
         *     the source
         * @throws io.drm.ConfigurationException if a promotion names an environment the guard does not know
         */
        public MaskedCopy build() {
            if (target == null) {
                throw new JobConfigurationException("a masked copy needs a target: call to(dataSource) before build()");
            }
            if (rules == null) {
                throw new JobConfigurationException("a masked copy needs rules: call rules(...) before build()");
            }
            if (target == source) {
                throw new JobConfigurationException("the target of the masked copy is its source; use MaskingJob.inPlace to"
                        + " mask in place");
            }
            Promotion promotion = null;
            if (promotionFrom != null) {
                guard.isDownward(promotionFrom, promotionTo); // an unknown environment fails here, not at run()
                promotion = new Promotion(promotionFrom, promotionTo, classification, guard);
            }
            JobSettings settings = new JobSettings(batchSize, listener, progressInterval, auditSink, environment, actor,
                    clock);
            return new MaskedCopy(new CopyEngine.Options(source, target, rules, tables, fetchSize, parallelism,
                    settings), promotion);
        }
    }
}
