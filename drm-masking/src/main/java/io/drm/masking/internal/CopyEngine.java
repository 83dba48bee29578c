package io.drm.masking.internal;

import io.drm.AuditException;
import io.drm.masking.MaskedCopy;
import io.drm.masking.MaskingJobException;
import io.drm.masking.MaskingReport;
import io.drm.masking.MaskingRules;
import io.drm.masking.TableReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a masked copy: checks the tables and rules against both schemas, orders the tables by
 * their foreign keys, and copies them on a bounded pool, each table starting as soon as the
 * tables it references are complete. The first failure (or an interrupt) stops the others after
 * their current batch.
 */
public final class CopyEngine {

    private static final Logger LOG = LoggerFactory.getLogger(MaskedCopy.class);
    private static final long STOP_WAIT_SECONDS = 60;

    /**
     * What a copy is given.
     *
     * @param source where rows come from
     * @param target where they go (its schema exists)
     * @param rules the rules
     * @param tables the tables to copy as given; empty for all
     * @param fetchSize the source fetch size
     * @param parallelism how many tables at once
     * @param settings the shared settings
     */
    public record Options(DataSource source, DataSource target, MaskingRules rules, List<String> tables, int fetchSize,
            int parallelism, JobSettings settings) {
        /** Validates and copies. */
        public Options {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(rules, "rules");
            tables = List.copyOf(tables);
            Objects.requireNonNull(settings, "settings");
        }
    }

    private final Options options;
    private final JobSettings settings;

    /** @param options what to copy */
    public CopyEngine(Options options) {
        this.options = options;
        this.settings = options.settings();
    }

    /**
     * Runs the copy.
     *
     * @return the report
     */
    public MaskingReport run() {
        String jobId = "copy-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JobAudit audit = new JobAudit(settings, "copy", jobId);
        long start = System.nanoTime();
        Where where = new Where();
        Map<String, String> extra = new LinkedHashMap<>();
        try {
            Plan plan;
            try {
                plan = plan(jobId, where);
            } catch (SQLException e) {
                throw new MaskingJobException("masked copy " + jobId + " could not read the source or target schema: "
                        + Failures.describe(e) + ". Nothing was written.", e);
            } finally {
                extra.put("source", where.source);
            }
            List<TableReport> reports = schedule(plan, jobId, extra);
            Duration duration = Duration.ofNanos(System.nanoTime() - start);
            MaskingReport report = new MaskingReport(reports, duration);
            LOG.info("masked copy {} completed: {} rows in {} tables in {} ms", jobId, report.rows(), reports.size(),
                    duration.toMillis());
            audit.completed(where.target, extra, reports, duration);
            return report;
        } catch (AuditException e) {
            throw e; // the copy completed; only its audit event is missing
        } catch (PartialFailure e) {
            audit.failed(where.target, extra, e.reports, Duration.ofNanos(System.nanoTime() - start), e.failure);
            throw e.failure;
        } catch (RuntimeException e) {
            audit.failed(where.target, extra, List.of(), Duration.ofNanos(System.nanoTime() - start), e);
            throw e;
        }
    }

    /** The source and target as described in messages and audit events, once known. */
    private static final class Where {
        private String source = "unknown";
        private String target = "unknown";
    }

    /** The checked, ordered tables of one copy. */
    private record Plan(List<BoundTable> tables, ForeignKeyOrder order, TableCopy.Context context) {
    }

    private Plan plan(String jobId, Where where) throws SQLException {
        try (Connection src = options.source().getConnection(); Connection dst = options.target().getConnection()) {
            String sourceName = Dialect.describe(src);
            String targetName = Dialect.describe(dst);
            where.source = sourceName;
            where.target = targetName;
            SqlNames sourceNames = SqlNames.of(src.getMetaData());
            SqlNames targetNames = SqlNames.of(dst.getMetaData());
            List<BoundTable> tables = RuleBinder.forCopy(SchemaReader.read(src), sourceNames, SchemaReader.read(dst),
                    targetNames, options.rules(), options.tables(), "the copy from " + sourceName + " to " + targetName);
            ForeignKeyOrder order = ForeignKeyOrder.of(tables);
            List<String> notEmpty = new ArrayList<>();
            for (BoundTable t : tables) {
                if (hasRows(dst, targetNames, t)) {
                    notEmpty.add(t.targetName());
                }
            }
            if (!notEmpty.isEmpty()) {
                throw new MaskingJobException("masked copy " + jobId + ": the target tables " + String.join(", ", notEmpty)
                        + " in " + targetName + " already have rows; a masked copy writes into empty tables. Empty them,"
                        + " or leave them out with tables(...). Nothing was written.");
            }
            if (options.rules().rules().isEmpty()) {
                LOG.warn("masked copy {} from {} to {} has no masking rules: every value is copied as it is", jobId,
                        sourceName, targetName);
            }
            LOG.info("masked copy {} from {} to {}: {} tables ({}), parallelism {}", jobId, sourceName, targetName,
                    tables.size(), tables.stream().map(t -> t.name() + "@" + order.depth(t.name()))
                            .collect(Collectors.joining(", ")), options.parallelism());
            TableCopy.Context context = new TableCopy.Context(options.source(), options.target(), Dialect.of(dst),
                    sourceNames, targetNames, jobId, settings, options.fetchSize(), new CopyControl(), LOG);
            return new Plan(tables, order, context);
        }
    }

    private static boolean hasRows(Connection c, SqlNames names, BoundTable t) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setMaxRows(1);
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM " + names.quote(t.targetName()))) {
                return rs.next();
            }
        }
    }

    /** Runs the tables, each once its parents are complete, at most {@code parallelism} at once. */
    private List<TableReport> schedule(Plan plan, String jobId, Map<String, String> extra) {
        Map<String, TableCopy> copies = new LinkedHashMap<>();
        Map<String, Set<String>> waiting = new LinkedHashMap<>();
        for (BoundTable t : plan.tables()) {
            copies.put(fold(t.name()), new TableCopy(plan.context(), t));
            waiting.put(fold(t.name()), new LinkedHashSet<>(plan.order().parents(t.name())));
        }
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.parallelism(), r -> {
            Thread thread = new Thread(r, "drm-masked-copy-" + jobId + "-" + threadNo.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        CompletionService<TableReport> done = new ExecutorCompletionService<>(pool);
        Map<Future<TableReport>, TableCopy> running = new LinkedHashMap<>();
        List<TableReport> reports = new ArrayList<>();
        RuntimeException failure = null;
        boolean interrupted = false;
        try {
            submitReady(waiting, copies, done, running);
            while (!running.isEmpty()) {
                Future<TableReport> f;
                try {
                    f = done.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                    plan.context().control().stop();
                    pool.shutdownNow();
                    awaitStopped(pool);
                    failure = new MaskingJobException("masked copy " + jobId + " was interrupted. "
                            + summary(copies.values()));
                    break;
                }
                TableCopy copy = running.remove(f);
                try {
                    reports.add(f.get());
                    String finished = fold(copy.table().name());
                    waiting.values().forEach(parents -> parents.remove(finished));
                    if (failure == null) {
                        submitReady(waiting, copies, done, running);
                    }
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof TableCopy.Stopped) {
                        continue;
                    }
                    RuntimeException r = cause instanceof RuntimeException ? (RuntimeException) cause
                            : new MaskingJobException("masked copy " + jobId + " failed on table " + copy.table().name()
                                    + ": " + Failures.describe(cause), cause);
                    if (failure == null) {
                        failure = r;
                        extra.put("failedTable", copy.table().name());
                        plan.context().control().stop();
                    } else {
                        failure.addSuppressed(r);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // not reached: f is done
                }
            }
        } finally {
            pool.shutdownNow();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure == null && copies.values().stream().anyMatch(c -> !c.finished())) {
            failure = new MaskingJobException("masked copy " + jobId + " stopped before every table was copied");
        }
        if (failure != null) {
            List<TableReport> partial = new ArrayList<>(reports);
            copies.values().stream().filter(c -> c.started() && !c.finished()).forEach(c -> partial.add(c.report()));
            MaskingJobException thrown = interrupted ? (MaskingJobException) failure
                    : new MaskingJobException(Failures.message(failure) + ". " + summary(copies.values()), failure);
            throw new PartialFailure(thrown, partial);
        }
        return reports;
    }

    private void submitReady(Map<String, Set<String>> waiting, Map<String, TableCopy> copies,
            CompletionService<TableReport> done, Map<Future<TableReport>, TableCopy> running) {
        List<String> ready = waiting.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                .collect(Collectors.toList());
        for (String table : ready) {
            waiting.remove(table);
            TableCopy copy = copies.get(table);
            running.put(done.submit(copy), copy);
        }
    }

    private static void awaitStopped(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("masked copy threads did not stop within {} s", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the target holds now, table by table. */
    private static String summary(java.util.Collection<TableCopy> copies) {
        List<String> complete = new ArrayList<>();
        List<String> partly = new ArrayList<>();
        List<String> notStarted = new ArrayList<>();
        for (TableCopy c : copies) {
            if (c.finished()) {
                complete.add(c.table().targetName());
            } else if (c.started()) {
                partly.add(c.table().targetName() + " (" + c.rowsCommitted() + " rows)");
            } else {
                notStarted.add(c.table().targetName());
            }
        }
        return "The target now holds: complete " + list(complete) + "; partly " + list(partly) + "; not started "
                + list(notStarted) + ". A masked copy does not resume: empty the target tables it wrote before"
                + " copying again";
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A failure after some tables were written, with their reports for the audit event. */
    private static final class PartialFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient MaskingJobException failure;
        private final transient List<TableReport> reports;

        PartialFailure(MaskingJobException failure, List<TableReport> reports) {
            super(null, null, false, false);
            this.failure = failure;
            this.reports = reports;
        }
    }
}
