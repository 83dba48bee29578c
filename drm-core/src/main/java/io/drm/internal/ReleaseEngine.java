package io.drm.internal;

import io.drm.AppliedStep;
import io.drm.AuditException;
import io.drm.ConfigurationException;
import io.drm.DrmException;
import io.drm.MigrationFailedException;
import io.drm.PlanChangedException;
import io.drm.ReleaseResult;
import io.drm.ReleaseStep;
import io.drm.spi.AuditEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs releases: plan (read-only), apply under the release lock, and the startup hook with its
 * fast no-op path.
 */
public final class ReleaseEngine {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.release");

    private final Settings settings;
    private final Planner planner;
    private final Listeners listeners;

    /**
     * Creates an engine.
     *
     * @param settings the frozen settings
     */
    public ReleaseEngine(Settings settings) {
        this.settings = settings;
        this.planner = new Planner(settings);
        this.listeners = new Listeners(settings);
    }

    /**
     * Plans a release without writing anything.
     *
     * @return the plan
     */
    public PlanState plan() {
        Instant start = settings.clock().instant();
        try {
            return planOnce();
        } catch (DrmException e) {
            listeners.failed(e, start);
            throw e;
        }
    }

    private PlanState planOnce() {
        ScannedLocations scan = planner.scan();
        try (Connector.Lease lease = settings.connector().open()) {
            return planner.plan(lease, kindOf(lease), scan, null);
        }
    }

    /**
     * Applies a plan: lock, re-plan, refuse a changed plan, execute, record.
     *
     * @param planned the plan the caller saw
     * @return the result
     */
    public ReleaseResult apply(PlanState planned) {
        Instant start = settings.clock().instant();
        try {
            ReleaseResult result = applyOnce(planned);
            listeners.finished(result, start);
            return result;
        } catch (DrmException e) {
            listeners.failed(e, start);
            throw e;
        }
    }

    private ReleaseResult applyOnce(PlanState planned) {
        // Unchanged listing (sizes, times): the files the plan read are still there; else read again.
        String stamp = planner.scanner().stamp(settings.locations());
        ScannedLocations scan = stamp != null && stamp.equals(planned.stamp()) && !planned.scan().files().isEmpty()
                ? planned.scan() : planner.scan();
        try (Connector.Lease lease = settings.connector().open()) {
            return underLock(lease, kindOf(lease), scan, planned);
        }
    }

    /**
     * The startup hook: returns at once when the ledger shows the database is at the locations'
     * content, else applies whatever is pending under the lock.
     *
     * @return the result
     */
    public ReleaseResult onStartup() {
        Instant start = settings.clock().instant();
        try {
            ReleaseResult result = onStartupOnce();
            listeners.finished(result, start);
            return result;
        } catch (DrmException e) {
            listeners.failed(e, start);
            throw e;
        }
    }

    private ReleaseResult onStartupOnce() {
        try (Connector.Lease lease = settings.connector().open()) {
            DatabaseKind kind = kindOf(lease);
            Planner.State state = planner.readState(lease, kind);
            PlanState stamped = planner.stampPath(state);
            if (stamped != null) {
                LOG.debug("up to date at version {} (ledger matches the locations' stamp)", stamped.currentVersion());
                return upToDate(stamped);
            }
            ScannedLocations scan = planner.scan();
            PlanState quick = Planner.fastPath(state, scan);
            if (quick != null) {
                LOG.debug("up to date at version {} (ledger matches the locations)", quick.currentVersion());
                return upToDate(quick);
            }
            return underLock(lease, kind, scan, null);
        }
    }

    @SuppressWarnings("try") // the lock is held for the body and released by close()
    private ReleaseResult underLock(Connector.Lease lease, DatabaseKind kind, ScannedLocations scan,
            PlanState expected) {
        String releaseId = settings.ids().get();
        Connection lockConnection = lease.connection("take the release lock on");
        try (ReleaseLock lock = ReleaseLock.acquire(lockConnection, kind, settings.lockTimeout(),
                "release " + releaseId + " by " + settings.actor())) {
            Ledger ledger = new Ledger(kind);
            PlanState now = planner.plan(lease, kind, scan, expected);
            if (now.isEmpty()) {
                if (!now.fastPath() && !FlywayHistory.NONE.equals(now.historyFingerprint())) {
                    recordUpToDate(lease, ledger, releaseId, now);
                    now = now.recordedAs(releaseId);
                }
                LOG.info("up to date at version {}: nothing to apply", now.currentVersion());
                return upToDate(now);
            }
            if (expected != null && !expected.id().equals(now.id())) {
                throw new PlanChangedException("the plan " + expected.id() + " (" + summary(expected) + ") no longer"
                        + " matches the database and the locations; the plan now would be " + now.id() + " ("
                        + summary(now) + "). Nothing was applied. Plan again, review the new plan, and apply that.");
            }
            return execute(lease, kind, ledger, releaseId, now, scan);
        } catch (SQLException e) {
            throw settings.connector().translate(e, "release to");
        }
    }

    private ReleaseResult execute(Connector.Lease lease, DatabaseKind kind, Ledger ledger, String releaseId,
            PlanState plan, ScannedLocations scan) throws SQLException {
        boolean baseline = FlywayHistory.NONE.equals(plan.historyFingerprint()) && onlyDrmObjects(lease, kind, plan);
        Auditor audit = new Auditor(settings, target(lease, kind));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("releaseId", releaseId);
        details.put("planId", plan.id());
        putVersion(details, "fromVersion", plan.currentVersion());
        putVersion(details, "toVersion", plan.targetVersion());
        details.put("steps", String.valueOf(plan.steps().size()));
        audit.append("release.started", AuditEvent.Outcome.UNKNOWN, details,
                "Audit is fail-closed: the release did not start and nothing was applied.");
        listeners.started(releaseId, plan);
        Instant started = settings.clock().instant();
        Ledger.ReleaseRow row = new Ledger.ReleaseRow(releaseId, plan.id(), settings.environment(), settings.actor(),
                Ledger.RUNNING, plan.currentVersion(), plan.targetVersion(), plan.contentHash(), plan.stamp(),
                plan.historyFingerprint(), plan.steps().size(), started, null);
        LOG.info("release {} - applying {} steps: {} (plan {})", releaseId, plan.steps().size(), summaryVersions(plan),
                plan.id());
        // drm's tables are created once Flyway has created its history table: before that, Flyway would
        // refuse the schema as "non-empty without history".
        StepRecorder recorder = new StepRecorder(releaseId, plan.steps(), scan.byRelativePath(),
                () -> beginRelease(lease, ledger, row));
        MigrateResult result;
        try {
            result = planner.flyway(lease.dataSource(), kind, recorder, baseline).migrate();
        } catch (RuntimeException e) {
            throw failed(lease, kind, ledger, audit, row, plan, recorder, e);
        }
        String toVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : plan.targetVersion();
        List<AppliedStep> applied = List.copyOf(recorder.completed());
        List<Ledger.StepRecord> records = new ArrayList<>();
        for (AppliedStep step : applied) {
            records.add(new Ledger.StepRecord(step.step(), "APPLIED", step.duration().toMillis(), null));
        }
        try (Connection c = lease.connection("record the release in")) {
            ledger.finish(c, releaseId, Ledger.SUCCEEDED, toVersion, FlywayHistory.fingerprint(c),
                    settings.clock().instant(), null, null, records);
        }
        String ifFails = "The release " + releaseId + " was applied (" + applied.size() + " steps, now at version "
                + toVersion + ") and is recorded in drm_release, but the audit trail misses this event.";
        for (AppliedStep step : applied) {
            Map<String, String> stepDetails = new LinkedHashMap<>();
            stepDetails.put("releaseId", releaseId);
            putVersion(stepDetails, "version", step.version());
            stepDetails.put("source", step.step().source());
            stepDetails.put("checksum", step.step().checksum());
            stepDetails.put("durationMs", String.valueOf(step.duration().toMillis()));
            audit.append("migration.applied", AuditEvent.Outcome.SUCCESS, stepDetails, ifFails);
        }
        putVersion(details, "toVersion", toVersion);
        details.put("durationMs", String.valueOf(java.time.Duration.between(started, settings.clock().instant())
                .toMillis()));
        audit.checkpoint(details, ifFails);
        audit.append("release.completed", AuditEvent.Outcome.SUCCESS, details, ifFails);
        audit.flush(ifFails);
        LOG.info("release {} - applied {} steps, now at version {}", releaseId, applied.size(), toVersion);
        return new ReleaseResult(releaseId, plan.id(), applied, plan.currentVersion(), toVersion,
                ReleaseResult.Outcome.APPLIED);
    }

    /**
     * Whether the schema, still without Flyway history, holds only drm's own tables (an audit table
     * created by the JDBC audit sink, say), so that Flyway must baseline it below every migration
     * rather than refuse it as an existing schema.
     */
    private boolean onlyDrmObjects(Connector.Lease lease, DatabaseKind kind, PlanState plan) throws SQLException {
        boolean only;
        try (Connection c = lease.connection("inspect")) {
            only = SchemaProbe.holdsOnlyDrmObjects(c, kind);
        }
        if (only) {
            for (ReleaseStep step : plan.steps()) {
                if (step.version() != null
                        && MigrationVersion.fromVersion(step.version()).compareTo(MigrationVersion.fromVersion("0")) <= 0) {
                    throw new ConfigurationException("the schema holds only drm's own tables (such as"
                            + " drm_audit_log) and no Flyway history yet, so drm would baseline it at version 0, but"
                            + " migration " + step.source() + " has version " + step.version() + ", which a baseline at"
                            + " 0 would skip. Give it version 1 or higher, or run the first release before opening"
                            + " the JDBC audit sink on this schema.");
                }
            }
            LOG.info("the schema holds only drm's own tables and no Flyway history: Flyway baselines it at version 0,"
                    + " below every migration");
        }
        return only;
    }

    private void beginRelease(Connector.Lease lease, Ledger ledger, Ledger.ReleaseRow row) {
        try (Connection c = lease.connection("record the release in")) {
            ledger.ensureTables(c);
            int abandoned = ledger.abandonRunning(c, settings.clock().instant());
            if (abandoned > 0) {
                LOG.warn("release {} - found {} earlier release(s) that never recorded their end; marked ABANDONED"
                        + " in drm_release", row.releaseId(), abandoned);
            }
            ledger.begin(c, row);
        } catch (SQLException e) {
            throw settings.connector().translate(e, "record the release in");
        }
    }

    private DrmException failed(Connector.Lease lease, DatabaseKind kind, Ledger ledger, Auditor audit,
            Ledger.ReleaseRow row, PlanState plan, StepRecorder recorder, RuntimeException failure) {
        String releaseId = row.releaseId();
        ReleaseStep failedStep = recorder.failed();
        boolean rolledBack = kind.transactionalDdl();
        List<ReleaseStep> remaining = rolledBack ? List.of()
                : recorder.completed().stream().map(AppliedStep::step).collect(Collectors.toList());
        String dbError = Failures.databaseError(failure);
        StringBuilder message = new StringBuilder("release ").append(releaseId).append(" failed");
        if (failedStep != null) {
            message.append(" at step ").append(failedStep.version() == null ? "R" : failedStep.version())
                    .append(" (").append(failedStep.source()).append(")");
        }
        message.append(": ").append(dbError).append(". ");
        if (rolledBack) {
            message.append("The database rolled the whole release back: nothing of it remains (schema, data and"
                    + " Flyway history are as before). Fix the step and release again.");
        } else {
            message.append(kind.label()).append(" commits DDL implicitly, so the release stopped at the failing"
                    + " step. Steps applied and still in the database: ")
                    .append(remaining.isEmpty() ? "none" : remaining.stream()
                            .map(s -> (s.version() == null ? "R" : s.version()) + " (" + s.source() + ")")
                            .collect(Collectors.joining(", ")))
                    .append(". The failing step may have left partial changes and is recorded as failed in"
                            + " flyway_schema_history: undo its partial changes, delete its failed row (Flyway"
                            + " repair), fix the step, then release again.");
        }
        MigrationFailedException exception = new MigrationFailedException(message.toString(), releaseId, failedStep,
                remaining, failure);
        Set<String> done = recorder.completed().stream().map(s -> s.step().source()).collect(Collectors.toSet());
        List<Ledger.StepRecord> records = new ArrayList<>();
        for (AppliedStep step : recorder.completed()) {
            records.add(new Ledger.StepRecord(step.step(), rolledBack ? "ROLLED_BACK" : "APPLIED",
                    step.duration().toMillis(), null));
        }
        for (ReleaseStep step : plan.steps()) {
            if (done.contains(step.source())) {
                continue;
            }
            boolean isFailed = failedStep != null && step.source().equals(failedStep.source());
            records.add(new Ledger.StepRecord(step, isFailed ? "FAILED" : "NOT_RUN",
                    isFailed ? recorder.failedAfterMillis() : null, isFailed ? dbError : null));
        }
        try (Connection c = lease.connection("record the failed release in")) {
            String fingerprint = FlywayHistory.fingerprint(c);
            if (!recorder.started()) {
                if (FlywayHistory.NONE.equals(fingerprint)) {
                    throw new SQLException("Flyway failed before creating its history table; the failure is in the"
                            + " audit trail and the exception only");
                }
                ledger.ensureTables(c);
                ledger.begin(c, row);
            }
            ledger.finish(c, releaseId, Ledger.FAILED, remaining.isEmpty() ? plan.currentVersion()
                    : remaining.get(remaining.size() - 1).version(), fingerprint,
                    settings.clock().instant(), MigrationFailedException.CODE.id(), exception.getMessage(), records);
        } catch (SQLException | DrmException e) {
            exception.addSuppressed(e);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("releaseId", releaseId);
        details.put("planId", plan.id());
        details.put("failedStep", failedStep == null ? "none" : failedStep.source());
        details.put("stepsRemaining", String.valueOf(remaining.size()));
        details.put("error", dbError);
        try {
            audit.checkpoint(details, "");
            audit.append("release.failed", AuditEvent.Outcome.FAILURE, details, "");
            audit.flush("");
        } catch (AuditException e) {
            exception.addSuppressed(e);
        }
        LOG.warn("release {} failed: {}", releaseId, exception.getMessage());
        return exception;
    }

    private void recordUpToDate(Connector.Lease lease, Ledger ledger, String releaseId, PlanState plan)
            throws SQLException {
        Instant now = settings.clock().instant();
        try (Connection c = lease.connection("record the release in")) {
            ledger.ensureTables(c);
            ledger.begin(c, new Ledger.ReleaseRow(releaseId, plan.id(), settings.environment(), settings.actor(),
                    Ledger.UP_TO_DATE, plan.currentVersion(), plan.targetVersion(), plan.contentHash(), plan.stamp(),
                    plan.historyFingerprint(), 0, now, now));
        }
    }

    private static String summary(PlanState plan) {
        return plan.steps().size() + " steps, " + summaryVersions(plan);
    }

    private static String summaryVersions(PlanState plan) {
        return display(plan.currentVersion()) + " -> " + display(plan.targetVersion());
    }

    private static void putVersion(Map<String, String> details, String key, String version) {
        if (version != null) {
            details.put(key, version);
        }
    }

    private static String display(String version) {
        return version == null ? "<empty>" : version;
    }

    private static ReleaseResult upToDate(PlanState plan) {
        return new ReleaseResult(plan.headReleaseId(), plan.id(), List.of(), plan.currentVersion(),
                plan.currentVersion(), ReleaseResult.Outcome.UP_TO_DATE);
    }

    private DatabaseKind kindOf(Connector.Lease lease) {
        try (Connection c = lease.connection("connect to")) {
            return DatabaseKind.of(c);
        } catch (SQLException e) {
            throw settings.connector().translate(e, "connect to");
        }
    }

    private static String target(Connector.Lease lease, DatabaseKind kind) {
        try (Connection c = lease.connection("connect to")) {
            String scope = kind == DatabaseKind.MYSQL ? c.getCatalog() : c.getSchema();
            return kind.label() + ":" + (scope == null ? "default" : scope);
        } catch (SQLException e) {
            return kind.label();
        }
    }
}
