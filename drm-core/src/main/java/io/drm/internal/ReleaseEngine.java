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
        return planOnce(false).state();
    }

    /**
     * A plan with what the SQL lint and the policies found in it.
     *
     * @param state the plan
     * @param findings the lint's findings, by step then line; empty when not linted
     * @param violations the policies' violations; empty without policies or when not linted
     */
    public record Evaluated(PlanState state, List<io.drm.Finding> findings, List<io.drm.PolicyViolation> violations) {
        /** Copies. */
        public Evaluated {
            findings = List.copyOf(findings);
            violations = List.copyOf(violations);
        }
    }

    /**
     * Plans a release and, when asked, lints its pending SQL steps and evaluates the policies on the
     * same connections (the live catalog is read only when the scripts drop, rename or retype an
     * existing table or column), for {@link io.drm.DataRelease.Builder#plan()}.
     *
     * @param lint whether to lint and evaluate; {@code false} gives the plan alone (the anchor of the
     *     lint benchmark)
     * @return the plan, its findings and its violations
     */
    public Evaluated plan(boolean lint) {
        Instant start = settings.clock().instant();
        try {
            return planOnce(lint);
        } catch (DrmException e) {
            listeners.failed(e, start);
            throw e;
        }
    }

    private Evaluated planOnce(boolean lint) {
        ScannedLocations scan = planner.scan(lint);
        try (Connector.Lease lease = settings.connector().open()) {
            DatabaseKind kind = kindOf(lease);
            PlanState state = planner.plan(lease, kind, scan, null);
            if (!lint) {
                return new Evaluated(state, List.of(), List.of());
            }
            List<io.drm.Finding> findings = io.drm.internal.lint.PlanLinter.lint(state.steps(), state.scan(), kind,
                    lease, planner.scanner());
            return new Evaluated(state, findings, violations(lease, kind, state, findings));
        } finally {
            planner.scanner().forgetScanned();
        }
    }


    /**
     * Applies a plan: lock, re-plan, refuse a changed plan, execute, record.
     *
     * @param planned the plan the caller saw
     * @return the result
     */
    public ReleaseResult apply(PlanState planned) {
        return apply(planned, List.of(), List.of());
    }

    /**
     * Applies a plan with the lint's findings and the approvals given: checks the policies and the
     * approvals before the lock, then as {@link #apply(PlanState)}.
     *
     * @param planned the plan the caller saw
     * @param findings the plan's findings
     * @param approvals the approvals given to {@code apply}
     * @return the result
     */
    public ReleaseResult apply(PlanState planned, List<io.drm.Finding> findings, List<io.drm.Approval> approvals) {
        Instant start = settings.clock().instant();
        try {
            ReleaseResult result = applyOnce(planned, findings, approvals);
            listeners.finished(result, start);
            return result;
        } catch (DrmException e) {
            listeners.failed(e, start);
            throw e;
        }
    }

    private ReleaseResult applyOnce(PlanState planned, List<io.drm.Finding> findings,
            List<io.drm.Approval> approvals) {
        // Unchanged listing (sizes, times): the files the plan read are still there; else read again.
        String stamp = planner.scanner().stamp(settings.locations());
        ScannedLocations scan = stamp != null && stamp.equals(planned.stamp()) && !planned.scan().files().isEmpty()
                ? planned.scan() : planner.scan();
        try (Connector.Lease lease = settings.connector().open()) {
            DatabaseKind kind = kindOf(lease);
            checkPolicies(lease, kind, planned, findings, approvals);
            PromotionGate.check(settings, target(lease, kind), planned);
            pingConfigStore(planned.steps().stream().anyMatch(s -> s.kind() == io.drm.StepKind.CONFIG));
            return underLock(lease, kind, scan, planned);
        }
    }

    private List<io.drm.PolicyViolation> violations(Connector.Lease lease, DatabaseKind kind, PlanState planned,
            List<io.drm.Finding> findings) {
        if (!settings.policy().active() || planned.isEmpty()) {
            return List.of();
        }
        try (Connection c = lease.connection("check the policies of")) {
            return PolicyGate.evaluate(settings, planned, findings, c, kind, planner.scanner()::keptOrRead);
        } catch (SQLException e) {
            throw settings.connector().translate(e, "check the policies of");
        }
    }

    private void checkPolicies(Connector.Lease lease, DatabaseKind kind, PlanState planned,
            List<io.drm.Finding> findings, List<io.drm.Approval> approvals) {
        if (!settings.policy().active() && approvals.isEmpty()) {
            return;
        }
        PolicyGate.check(settings, target(lease, kind), planned, violations(lease, kind, planned, findings),
                approvals);
    }

    /**
     * Dry-runs a plan: executes its statements where they leave no trace and reports what they did.
     *
     * @param planned the plan the caller saw
     * @return the report
     */
    public io.drm.DryRunReport dryRun(PlanState planned) {
        return new DryRunner(settings, planner).run(planned);
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
        // The listing (sizes and times of every file) runs while the connection is opened: on a
        // non-pooling data source a new session costs about as much as listing thousands of files.
        java.util.concurrent.CompletableFuture<String> listing = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> planner.scanner().stamp(settings.locations()));
        try (Connector.Lease lease = settings.connector().open()) {
            DatabaseKind kind;
            Planner.State state;
            // One connection for the kind (driver metadata, no query) and the state (one query).
            try (Connection c = lease.connection("read the release state of")) {
                kind = DatabaseKind.of(c);
                state = planner.readState(c, kind);
            } catch (SQLException e) {
                throw settings.connector().translate(e, "read the release state of");
            }
            PlanState stamped = planner.stampPath(state, joined(listing));
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
            PlanState checked = PromotionGate.required(settings) || settings.policy().active()
                    ? planner.plan(lease, kind, scan, null) : null;
            if (checked != null) {
                checkPolicies(lease, kind, checked, settings.policy().active() ? io.drm.internal.lint.PlanLinter.lint(
                        checked.steps(), checked.scan(), kind, lease, planner.scanner()) : List.of(), List.of());
                PromotionGate.check(settings, target(lease, kind), checked);
            }
            pingConfigStore(scan.files().stream().anyMatch(f -> f.name().type() == MigrationName.Type.CONFIG));
            return underLock(lease, kind, scan, checked);
        }
    }

    /** Refuses, before the lock, a release with configuration steps whose external store is unreachable. */
    private void pingConfigStore(boolean configSteps) {
        if (settings.configStore() != null && configSteps) {
            settings.configStore().ping();
        }
    }

    private static String joined(java.util.concurrent.CompletableFuture<String> listing) {
        try {
            return listing.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw e;
        }
    }

    @SuppressWarnings("try") // the lock is held for the body and released by close()
    private ReleaseResult underLock(Connector.Lease lease, DatabaseKind kind, ScannedLocations scan,
            PlanState expected) {
        String releaseId = settings.ids().get();
        Connection lockConnection = lease.connection("take the release lock on");
        try (ReleaseLock lock = ReleaseLock.acquire(lockConnection, kind, settings.lockTimeout(),
                "release " + releaseId + " by " + settings.actor(), settings.clock())) {
            Ledger ledger = new Ledger(kind);
            try (Connection c = lease.connection("recover interrupted releases of")) {
                new Recovery(settings, kind).recover(c, scan);
            }
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
            if (now.actions().stream().anyMatch(a -> a.kind() == HistoryAction.Kind.RECHECKSUM)) {
                try (Connection c = lease.connection("re-record checksums in")) {
                    ChecksumHealer.heal(c, now.actions(), new Auditor(settings, target(lease, kind)), releaseId);
                }
                now = planner.plan(lease, kind, scan, null);
                if (now.isEmpty()) {
                    recordUpToDate(lease, ledger, releaseId, now);
                    LOG.info("up to date at version {} after re-recording checksums", now.currentVersion());
                    return upToDate(now.recordedAs(releaseId));
                }
            }
            return execute(lease, kind, ledger, releaseId, now, scan);
        } catch (SQLException e) {
            throw settings.connector().translate(e, "release to");
        }
    }

    private ReleaseResult execute(Connector.Lease lease, DatabaseKind kind, Ledger ledger, String releaseId,
            PlanState plan, ScannedLocations scan) throws SQLException {
        HistoryAction takeover = plan.actions().stream().filter(HistoryAction::baselines).findFirst().orElse(null);
        boolean baseline = takeover == null && FlywayHistory.NONE.equals(plan.historyFingerprint())
                && onlyDrmObjects(lease, kind, plan);
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
        StatementGuard guard = new StatementGuard(kind, settings.clock(), releaseId);
        StepRecorder recorder = new StepRecorder(releaseId, plan.steps(), scan.byRelativePath(),
                () -> beginRelease(lease, ledger, row, plan, takeover), guard);
        List<Segments.Segment> segments = Segments.of(kind, plan.steps(), scan, planner.scanner());
        boolean segmented = segments.size() > 1 || segments.stream().anyMatch(g -> !g.transactional());
        if (segmented) {
            LOG.info("release {} - runs in {} groups around its non-transactional steps: {}", releaseId,
                    segments.size(), segments);
        }
        MigrateResult result = null;
        io.drm.internal.data.ArtifactRun artifacts = new io.drm.internal.data.ArtifactRun(planner.scanner(),
                settings.decryptor(), releaseId, settings.clock()).guard(guard::beforeRowChanges)
                .configStore(settings.configStore());
        HistoryAction firstBaseline = takeover != null ? takeover : baseline ? new HistoryAction(
                HistoryAction.Kind.BASELINE, "0", "<< drm: schema held only drm tables >>", 0, null, null) : null;
        try {
            boolean first = true;
            for (Segments.Segment segment : segments) {
                result = planner.flyway(lease.dataSource(), kind, recorder, first ? firstBaseline : null, scan,
                        artifacts, segment.transactional(), segmented ? segment.lastVersion() : null).migrate();
                first = false;
            }
            if (!recorder.started()) {
                beginRelease(lease, ledger, row, plan, takeover); // nothing to migrate: a baseline only
            }
        } catch (RuntimeException e) {
            throw failed(lease, kind, ledger, audit, row, plan, recorder, e, scan, segmented);
        }
        String toVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion : plan.targetVersion();
        List<AppliedStep> applied = List.copyOf(recorder.completed());
        List<Ledger.StepRecord> records = new ArrayList<>();
        Set<String> outOfOrder = new java.util.HashSet<>();
        for (AppliedStep step : applied) {
            boolean late = step.version() != null && plan.currentVersion() != null
                    && io.drm.ArtifactVersion.compareVersions(step.version(), plan.currentVersion()) < 0;
            if (late) {
                outOfOrder.add(step.step().source());
                LOG.warn("release {} - {} (version {}) was applied out of order: the schema was already at version {}"
                        + " (outOfOrder is allowed in environment '{}')", releaseId, step.step().source(),
                        step.version(), plan.currentVersion(), settings.environment());
            }
            records.add(new Ledger.StepRecord(step.step(), late ? Ledger.OUT_OF_ORDER : "APPLIED",
                    step.duration().toMillis(), null));
        }
        try (Connection c = lease.connection("record the release in")) {
            ledger.finish(c, releaseId, Ledger.SUCCEEDED, toVersion, FlywayHistory.fingerprint(c),
                    settings.clock().instant(), null, null, records);
            // Drift detection's baseline: the schema as this release left it (a failure only warns).
            io.drm.internal.schema.SchemaSnapshots.record(c, kind, releaseId);
        }
        String ifFails = "The release " + releaseId + " was applied (" + applied.size() + " steps, now at version "
                + toVersion + ") and is recorded in drm_release, but the audit trail misses this event.";
        for (UndoLog.Snapshot snapshot : guard.snapshots()) {
            Map<String, String> snapDetails = new LinkedHashMap<>();
            snapDetails.put("releaseId", releaseId);
            putVersion(snapDetails, "version", snapshot.version());
            snapDetails.put("snapshotId", snapshot.id());
            snapDetails.put("table", snapshot.table());
            if (snapshot.column() != null) {
                snapDetails.put("column", snapshot.column());
            }
            snapDetails.put("rows", String.valueOf(snapshot.rows()));
            audit.append("snapshot.taken", AuditEvent.Outcome.SUCCESS, snapDetails, ifFails);
        }
        for (AppliedStep step : applied) {
            Map<String, String> stepDetails = new LinkedHashMap<>();
            stepDetails.put("releaseId", releaseId);
            putVersion(stepDetails, "version", step.version());
            stepDetails.put("source", step.step().source());
            stepDetails.put("checksum", step.step().checksum());
            stepDetails.put("durationMs", String.valueOf(step.duration().toMillis()));
            if (outOfOrder.contains(step.step().source())) {
                stepDetails.put("outOfOrder", "true");
            }
            audit.append("migration.applied", AuditEvent.Outcome.SUCCESS, stepDetails, ifFails);
        }
        for (io.drm.LoadedArtifact loaded : artifacts.loaded()) {
            audit.append("artifact.loaded", AuditEvent.Outcome.SUCCESS, artifactDetails(releaseId, loaded), ifFails);
        }
        putVersion(details, "toVersion", toVersion);
        details.put("durationMs", String.valueOf(java.time.Duration.between(started, settings.clock().instant())
                .toMillis()));
        audit.checkpoint(details, ifFails);
        audit.append("release.completed", AuditEvent.Outcome.SUCCESS, details, ifFails);
        audit.flush(ifFails);
        LOG.info("release {} - applied {} steps, now at version {}", releaseId, applied.size(), toVersion);
        return new ReleaseResult(releaseId, plan.id(), applied, plan.currentVersion(), toVersion,
                ReleaseResult.Outcome.APPLIED, artifacts.loaded(), Attestations.of(settings, plan, scan,
                        artifacts.loaded()));
    }

    private static Map<String, String> artifactDetails(String releaseId, io.drm.LoadedArtifact loaded) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("releaseId", releaseId);
        d.put("artifact", loaded.version().toString());
        d.put("table", loaded.table());
        d.put("inserted", String.valueOf(loaded.inserted()));
        d.put("updated", String.valueOf(loaded.updated()));
        d.put("deleted", String.valueOf(loaded.deleted()));
        return d;
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

    private void beginRelease(Connector.Lease lease, Ledger ledger, Ledger.ReleaseRow row, PlanState plan,
            HistoryAction takeover) {
        try (Connection c = lease.connection("record the release in")) {
            ledger.ensureTables(c);
            new UndoLog(ledger.kind()).ensureTables(c);
            int abandoned = ledger.abandonRunning(c, settings.clock().instant());
            if (abandoned > 0) {
                LOG.warn("release {} - found {} earlier release(s) that never recorded their end; marked ABANDONED"
                        + " in drm_release", row.releaseId(), abandoned);
            }
            recordOrigin(c, lease, ledger, plan, takeover);
            ledger.begin(c, row);
        } catch (SQLException e) {
            throw settings.connector().translate(e, "record the release in");
        }
    }

    private DrmException failed(Connector.Lease lease, DatabaseKind kind, Ledger ledger, Auditor audit,
            Ledger.ReleaseRow row, PlanState plan, StepRecorder recorder, RuntimeException failure,
            ScannedLocations scan, boolean segmented) {
        String releaseId = row.releaseId();
        ReleaseStep failedStep = recorder.failed();
        boolean compensate = recorder.started() && (!kind.transactionalDdl() || segmented);
        Compensation.Result compensation = null;
        DrmException compensationFailure = null;
        if (compensate) {
            try (Connection c = lease.connection("compensate the failed release in")) {
                compensation = Compensation.compensate(c, kind, releaseId, v -> undoScript(scan, v),
                        failedStep == null ? null : failedStep.version(), recorder.failedStatementNo());
            } catch (SQLException | DrmException e) {
                compensationFailure = e instanceof DrmException d ? d
                        : settings.connector().translate((SQLException) e, "compensate the failed release in");
            }
        }
        Set<String> stillApplied = new java.util.HashSet<>();
        try (Connection c = lease.connection("read the history of")) {
            for (FlywayHistory.Row r : FlywayHistory.rows(c, kind)) {
                if (r.version() != null && r.success()) {
                    stillApplied.add(LocationScanner.canonicalVersion(r.version()));
                }
            }
        } catch (SQLException | DrmException e) {
            stillApplied = null;
        }
        final Set<String> applied = stillApplied;
        List<ReleaseStep> remaining;
        if (!compensate && kind.transactionalDdl()) {
            remaining = List.of();
        } else if (applied == null) {
            remaining = recorder.completed().stream().map(AppliedStep::step).collect(Collectors.toList());
        } else {
            remaining = recorder.completed().stream().map(AppliedStep::step)
                    .filter(st -> st.version() != null && applied.contains(LocationScanner.canonicalVersion(st.version())))
                    .collect(Collectors.toList());
        }
        Set<String> undone = compensation == null ? Set.of() : Set.copyOf(compensation.undone());
        String dbError = Failures.databaseError(failure);
        StringBuilder message = new StringBuilder("release ").append(releaseId).append(" failed");
        if (failedStep != null) {
            message.append(" at step ").append(failedStep.version() == null ? "R" : failedStep.version())
                    .append(" (").append(failedStep.source()).append(")");
        }
        message.append(": ").append(dbError).append(". ");
        boolean partialFailing = compensation != null && failedStep != null && failedStep.version() != null
                && compensation.remaining().contains(failedStep.version());
        if (!compensate && kind.transactionalDdl()) {
            message.append("The database rolled the whole release back: nothing of it remains (schema, data and"
                    + " Flyway history are as before). Fix the step and release again.");
        } else if (compensation != null && compensation.complete() && remaining.isEmpty()) {
            message.append(segmented && kind.transactionalDdl()
                    ? "The release ran in transactional groups around its non-transactional steps; "
                    : kind.label() + " commits DDL implicitly, so ");
            message.append("drm reversed what the release had applied")
                    .append(undone.isEmpty() ? "" : " (versions " + String.join(", ", compensation.undone()) + ")")
                    .append(" with the undo it recorded and its safety snapshots: nothing of the release remains."
                            + " Fix the step and release again.");
        } else {
            message.append(kind.transactionalDdl() ? "The release ran in transactional groups; "
                    : kind.label() + " commits DDL implicitly; ");
            if (compensation != null && !compensation.undone().isEmpty()) {
                message.append("drm reversed versions ").append(String.join(", ", compensation.undone())).append("; ");
            }
            if (compensation != null && compensation.why() != null) {
                message.append("it could not reverse ").append(compensation.why()).append(". ");
            } else if (compensationFailure != null) {
                message.append("reversing it failed (").append(compensationFailure.getMessage()).append("). ");
            }
            message.append("Steps applied and still in the database: ")
                    .append(remaining.isEmpty() ? "none" : remaining.stream()
                            .map(st -> (st.version() == null ? "R" : st.version()) + " (" + st.source() + ")")
                            .collect(Collectors.joining(", ")))
                    .append(partialFailing || compensation == null
                            ? ". The failing step may have left partial changes: undo them by hand or add an undo"
                                    + " script, fix the step, then release again."
                            : ". Roll them back with rollback().toVersion(...) once they have undo scripts, or fix"
                                    + " the failing step and release again.");
        }
        MigrationFailedException exception = new MigrationFailedException(message.toString(), releaseId, failedStep,
                remaining, failure);
        if (compensationFailure != null) {
            exception.addSuppressed(compensationFailure);
        }
        Set<String> done = recorder.completed().stream().map(st -> st.step().source()).collect(Collectors.toSet());
        List<Ledger.StepRecord> records = new ArrayList<>();
        for (AppliedStep step : recorder.completed()) {
            String status = remaining.contains(step.step()) ? "APPLIED"
                    : step.version() != null && undone.contains(step.version()) ? Ledger.UNDONE : "ROLLED_BACK";
            records.add(new Ledger.StepRecord(step.step(), status, step.duration().toMillis(), null));
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
        if (compensation != null) {
            details.put("stepsCompensated", String.valueOf(compensation.undone().size()));
        }
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

    private byte[] undoScript(ScannedLocations scan, String version) {
        return undoScriptOf(planner.scanner(), scan, version);
    }

    /** Reads the undo script of a version from the locations, or {@code null} when there is none. */
    static byte[] undoScriptOf(LocationScanner scanner, ScannedLocations scan, String version) {
        String canonical = LocationScanner.canonicalVersion(version);
        for (ScannedFile f : scan.files()) {
            if (f.name().type() == MigrationName.Type.UNDO
                    && LocationScanner.canonicalVersion(f.name().version()).equals(canonical)) {
                return scanner.read(f);
            }
        }
        return null;
    }

    /**
     * The first release drm makes in a schema records where it started: the baseline, the Liquibase
     * import (whose changesets it copies into drm_imported_history), or the Flyway history it found.
     */
    private void recordOrigin(Connection c, Connector.Lease lease, Ledger ledger, PlanState plan,
            HistoryAction takeover) throws SQLException {
        String status;
        String description;
        String source = "flyway_schema_history";
        String originId = settings.ids().get();
        if (takeover != null && takeover.kind() == HistoryAction.Kind.IMPORT_LIQUIBASE) {
            String q = c.getMetaData().getIdentifierQuoteString().strip();
            String table = LiquibaseImport.table(SchemaProbe.foreignObjects(c, DatabaseKind.of(c)));
            List<LiquibaseImport.Changeset> changesets = LiquibaseImport.read(c, table, q);
            LiquibaseImport.checkImportable(changesets);
            LiquibaseImport.write(c, DatabaseKind.of(c), originId, changesets);
            status = Ledger.IMPORTED;
            description = changesets.size() + " changesets imported from " + table + " into drm_imported_history";
            source = table;
            LOG.info("imported {} Liquibase changesets from {}; Flyway baselines at version {}", changesets.size(),
                    table, takeover.version());
        } else if (takeover != null) {
            status = Ledger.BASELINE;
            description = takeover.description();
            LOG.info("the schema holds objects and no Flyway history: Flyway baselines it at version {} ({})",
                    takeover.version(), takeover.description());
        } else if (!FlywayHistory.NONE.equals(plan.historyFingerprint()) && ledger.isEmpty(c)) {
            status = Ledger.ADOPTED;
            description = "Flyway history taken over as found (" + plan.historyFingerprint() + ")";
        } else {
            return;
        }
        Instant now = settings.clock().instant();
        String version = takeover != null ? takeover.version() : plan.currentVersion();
        ledger.recordOrigin(c, new Ledger.ReleaseRow(originId, "origin", settings.environment(), settings.actor(),
                status, null, version, null, null, plan.historyFingerprint(), 0, now, now), description, source);
    }

    private void recordUpToDate(Connector.Lease lease, Ledger ledger, String releaseId, PlanState plan)
            throws SQLException {
        Instant now = settings.clock().instant();
        try (Connection c = lease.connection("record the release in")) {
            ledger.ensureTables(c);
            recordOrigin(c, lease, ledger, plan, null);
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

    static String target(Connector.Lease lease, DatabaseKind kind) {
        try (Connection c = lease.connection("connect to")) {
            String scope = kind == DatabaseKind.MYSQL ? c.getCatalog() : c.getSchema();
            return kind.label() + ":" + (scope == null ? "default" : scope);
        } catch (SQLException e) {
            return kind.label();
        }
    }
}
