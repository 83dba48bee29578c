package io.drm.masking.internal;

import io.drm.AuditException;
import io.drm.DrmException;
import io.drm.masking.TableReport;
import io.drm.spi.AuditEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Appends {@code masking.completed} and {@code masking.failed} to the job's audit sink, with the
 * job id, the tables, the rows and the masked values per {@code <table>.<column>}; never a value.
 */
public final class JobAudit {

    /** The action of a finished job. */
    public static final String COMPLETED = "masking.completed";
    /** The action of a failed job. */
    public static final String FAILED = "masking.failed";

    private final JobSettings settings;
    private final String mode;
    private final String jobId;

    /**
     * @param settings the job's settings (sink, actor, environment, clock)
     * @param mode {@code in-place} or {@code copy}
     * @param jobId the job's id
     */
    public JobAudit(JobSettings settings, String mode, String jobId) {
        this.settings = settings;
        this.mode = mode;
        this.jobId = jobId;
    }

    /**
     * @param target where the job wrote
     * @param extra further details (for example the copy's source)
     * @param tables the tables' reports
     * @param duration how long it took
     * @throws AuditException if the sink fails; the message says the job itself completed
     */
    public void completed(String target, Map<String, String> extra, List<TableReport> tables, Duration duration) {
        if (settings.auditSink() == null) {
            return;
        }
        Map<String, String> details = details(extra, tables, duration);
        try {
            settings.auditSink().append(event(COMPLETED, target, AuditEvent.Outcome.SUCCESS, details));
        } catch (RuntimeException e) {
            throw new AuditException("the audit sink could not record " + COMPLETED + ": " + Failures.describe(e)
                    + ". The masking job " + jobId + " completed (" + details.get("rows") + " rows in "
                    + tables.size() + " tables); only its audit event is missing", e);
        }
    }

    /**
     * Appends the failure; a sink failure is added to {@code failure} as suppressed.
     *
     * @param target where the job wrote
     * @param extra further details
     * @param tables the reports of the tables finished (and the partial one) before the failure
     * @param duration how long it ran
     * @param failure why it failed
     */
    public void failed(String target, Map<String, String> extra, List<TableReport> tables, Duration duration,
            Throwable failure) {
        if (settings.auditSink() == null) {
            return;
        }
        Map<String, String> details = details(extra, tables, duration);
        if (failure instanceof DrmException) {
            details.put("errorCode", ((DrmException) failure).code().toString());
            details.put("error", Failures.message(failure));
        } else {
            details.put("error", Failures.describe(failure));
        }
        try {
            settings.auditSink().append(event(FAILED, target, AuditEvent.Outcome.FAILURE, details));
        } catch (RuntimeException e) {
            failure.addSuppressed(new AuditException("the audit sink could not record " + FAILED + ": "
                    + Failures.describe(e), e));
        }
    }

    private Map<String, String> details(Map<String, String> extra, List<TableReport> tables, Duration duration) {
        Map<String, String> details = new LinkedHashMap<>(extra);
        details.put("jobId", jobId);
        details.put("mode", mode);
        details.put("tables", tables.stream().map(TableReport::table).collect(Collectors.joining(",")));
        details.put("rows", String.valueOf(tables.stream().mapToLong(TableReport::rows).sum()));
        details.put("durationMs", String.valueOf(duration.toMillis()));
        for (TableReport t : tables) {
            t.maskedValuesByColumn().forEach((column, n) -> details.put(t.table() + "." + column, String.valueOf(n)));
        }
        return details;
    }

    private AuditEvent event(String action, String target, AuditEvent.Outcome outcome, Map<String, String> details) {
        return AuditEvent.of(UUID.randomUUID().toString(), settings.clock().instant(), settings.actor(), action,
                settings.environment(), target, outcome, details);
    }
}
