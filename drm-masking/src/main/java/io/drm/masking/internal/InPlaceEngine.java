package io.drm.masking.internal;

import io.drm.masking.MaskingException;
import io.drm.masking.MaskingJob;
import io.drm.masking.MaskingJobException;
import io.drm.masking.MaskingReport;
import io.drm.masking.MaskingRules;
import io.drm.masking.TableReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Masks tables in place: per table, batches of rows in primary-key order after the last key
 * committed, each batch masked, updated by key and committed together with the job's row in
 * {@code drm_masking_progress}, so a rerun with the same job id continues exactly after the last
 * committed batch and no row is masked twice.
 */
public final class InPlaceEngine {

    private static final Logger LOG = LoggerFactory.getLogger(MaskingJob.class);

    private final DataSource dataSource;
    private final MaskingRules rules;
    private final String jobId;
    private final JobSettings settings;
    private final JobAudit audit;

    /**
     * @param dataSource the database
     * @param rules the rules
     * @param jobId the job's id (the key of its progress rows)
     * @param settings the settings
     */
    public InPlaceEngine(DataSource dataSource, MaskingRules rules, String jobId, JobSettings settings) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.jobId = Objects.requireNonNull(jobId, "jobId");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.audit = new JobAudit(settings, "in-place", jobId);
    }

    /**
     * Runs the job.
     *
     * @return the report
     * @throws MaskingException if the rules do not fit, or a table fails (with how far it got)
     */
    public MaskingReport run() {
        long start = System.nanoTime();
        String target = "unknown";
        List<TableReport> reports = new ArrayList<>();
        Map<String, String> extra = new LinkedHashMap<>();
        try {
            Dialect dialect;
            SqlNames names;
            List<BoundTable> tables;
            try (Connection c = dataSource.getConnection()) {
                target = Dialect.describe(c);
                dialect = Dialect.of(c);
                names = SqlNames.of(c.getMetaData());
                tables = RuleBinder.forInPlace(SchemaReader.read(c), names, rules, target);
                ProgressStore store = new ProgressStore(dialect);
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(true);
                try {
                    store.ensureTable(c);
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                throw new MaskingJobException("masking job " + jobId + " could not read the schema of " + target
                        + " or create " + ProgressStore.TABLE + ": " + Failures.describe(e) + ". Nothing was masked.",
                        e);
            }
            LOG.info("masking job {} - in place on {}: {} tables ({})", jobId, target, tables.size(),
                    tables.stream().map(BoundTable::name).collect(Collectors.joining(", ")));
            InPlaceTable.Context context = new InPlaceTable.Context(dataSource, jobId, settings, new ProgressStore(dialect),
                    names, dialect, LOG);
            for (BoundTable table : tables) {
                InPlaceTable job = new InPlaceTable(context, table);
                try {
                    reports.add(job.run());
                } catch (RuntimeException e) {
                    reports.add(job.partialReport());
                    extra.put("failedTable", table.name());
                    throw e;
                }
            }
            Duration duration = Duration.ofNanos(System.nanoTime() - start);
            MaskingReport report = new MaskingReport(reports, duration);
            LOG.info("masking job {} completed: {} rows in {} tables in {} ms", jobId, report.rows(), reports.size(),
                    duration.toMillis());
            audit.completed(target, extra, reports, duration);
            return report;
        } catch (io.drm.AuditException e) {
            throw e; // the job completed; only its audit event is missing
        } catch (RuntimeException e) {
            audit.failed(target, extra, reports, Duration.ofNanos(System.nanoTime() - start), e);
            throw e;
        }
    }
}
