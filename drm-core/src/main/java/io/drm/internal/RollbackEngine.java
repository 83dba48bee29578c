package io.drm.internal;

import io.drm.AppliedStep;
import io.drm.ArtifactVersion;
import io.drm.DrmException;
import io.drm.InvalidRollbackTargetException;
import io.drm.PlanChangedException;
import io.drm.ReleaseResult;
import io.drm.ReleaseStep;
import io.drm.RollbackNotPossibleException;
import io.drm.StepKind;
import io.drm.UndoFailedException;
import io.drm.spi.AuditEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans and applies rollbacks: the applied versions above a target, undone in reverse version
 * order under the release lock, each with its undo script or with the undo drm recorded when it ran
 * (generated statements and safety snapshots). On PostgreSQL the whole rollback is one transaction;
 * on H2 and MySQL/MariaDB each step is reversed and removed from Flyway's history before the next.
 */
public final class RollbackEngine {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.release");

    /** What to roll back to. */
    public sealed interface Target permits ToVersion, LastRelease, OfRelease {
    }

    /** Roll back to a version ({@code "0"}: before every migration). @param version the version */
    public record ToVersion(String version) implements Target {
    }

    /** Roll back the latest release whose steps are still applied. */
    public record LastRelease() implements Target {
    }

    /** Roll back one release and everything applied after it. @param releaseId the release */
    public record OfRelease(String releaseId) implements Target {
    }

    /**
     * How one step is undone.
     *
     * @param step the planned step (kind UNDO_SQL or RESTORE)
     * @param script the undo script, for UNDO_SQL
     * @param releaseId the release whose recorded undo is used, for RESTORE
     */
    record Undo(ReleaseStep step, ScannedFile script, String releaseId) {
    }

    /**
     * A rollback plan.
     *
     * @param plan the plan (current version, target, steps, id)
     * @param undos how each step is undone, in the order they run
     */
    public record Planned(PlanState plan, List<Undo> undos) {
    }

    private final Settings settings;
    private final Planner planner;

    /**
     * Creates the engine.
     *
     * @param settings the frozen settings
     */
    public RollbackEngine(Settings settings) {
        this.settings = settings;
        this.planner = new Planner(settings);
    }

    /**
     * Plans a rollback without writing anything.
     *
     * @param target what to roll back to
     * @return the plan
     */
    public Planned plan(Target target) {
        ScannedLocations scan = planner.scan();
        try (Connector.Lease lease = settings.connector().open();
                Connection c = lease.connection("plan the rollback of")) {
            return plan(c, DatabaseKind.of(c), scan, target);
        } catch (SQLException e) {
            throw settings.connector().translate(e, "plan the rollback of");
        }
    }

    Planned plan(Connection c, DatabaseKind kind, ScannedLocations scan, Target target) throws SQLException {
        Map<String, ScannedFile> undoScripts = undoScripts(scan);
        List<FlywayHistory.Row> history = FlywayHistory.rows(c, kind);
        List<FlywayHistory.Row> applied = history.stream().filter(r -> r.version() != null && r.success())
                .sorted((a, b) -> ArtifactVersion.compareVersions(b.version(), a.version()))
                .collect(Collectors.toList());
        String current = applied.isEmpty() ? null : applied.get(0).version();
        String to = targetVersion(c, kind, target, applied, current);
        Ledger ledger = new Ledger(kind);
        UndoLog log = new UndoLog(kind);
        boolean haveUndoLog = UndoLog.exists(c, kind);
        Set<String> purged = new HashSet<>();
        if (haveUndoLog) {
            for (UndoLog.Snapshot s : log.snapshots(c)) {
                if (UndoLog.PURGED.equals(s.status())) {
                    purged.add(s.id());
                }
            }
        }
        List<Undo> undos = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (FlywayHistory.Row row : applied) {
            if (to != null && ArtifactVersion.compareVersions(row.version(), to) <= 0) {
                break;
            }
            if ("BASELINE".equals(row.type()) || "SCHEMA".equals(row.type())) {
                throw new InvalidRollbackTargetException("the rollback would go below Flyway's baseline at version "
                        + row.version() + " (" + row.description() + "), which has nothing to undo. Choose a target at"
                        + " or above " + row.version() + ".");
            }
            ScannedFile script = undoScripts.get(LocationScanner.canonicalVersion(row.version()));
            if (script != null) {
                undos.add(new Undo(new ReleaseStep(row.version(), script.name().description(), StepKind.UNDO_SQL,
                        "sha256:" + script.sha256(), script.relativePath()), script, null));
                continue;
            }
            Optional<String> by = haveUndoLog ? ledger.releaseThatApplied(c, row.version()) : Optional.empty();
            if (by.isEmpty()) {
                missing.add("version " + row.version() + " (" + row.script() + "): no undo script U" + row.version()
                        + "__*.sql and no undo recorded by drm (it was not applied by a drm release)");
                continue;
            }
            List<UndoLog.Entry> entries = log.entries(c, by.get(), row.version());
            Compensator.RecordedUndo recorded = Compensator.byVersion(entries).get(row.version());
            if (recorded == null) {
                missing.add("version " + row.version() + " (" + row.script() + "): no undo script, and no statement of"
                        + " it was recorded (a Java migration or data step needs an undo script)");
                continue;
            }
            if (recorded.irreversible() != null) {
                missing.add("version " + row.version() + " (" + row.script() + "): no undo script, and "
                        + recorded.irreversible());
                continue;
            }
            if (!undoing(applied, to).containsAll(recorded.coveredBy())) {
                missing.add("version " + row.version() + " (" + row.script() + "): no undo script, and it changed rows"
                        + " of a table that version " + String.join(", ", recorded.coveredBy()) + " created, which this"
                        + " rollback keeps");
                continue;
            }
            Optional<String> gone = entries.stream().map(UndoLog.Entry::snapshotId)
                    .filter(id -> id != null && purged.contains(id)).findFirst();
            if (gone.isPresent()) {
                missing.add("version " + row.version() + " (" + row.script() + "): its safety snapshot " + gone.get()
                        + " was purged");
                continue;
            }
            String body = String.join(";\n", recorded.script());
            undos.add(new Undo(new ReleaseStep(row.version(), "restore " + row.description(), StepKind.RESTORE,
                    "sha256:" + Hashing.sha256Hex(body), "drm_undo:" + by.get() + "/" + row.version()), null,
                    by.get()));
        }
        if (!missing.isEmpty()) {
            throw new RollbackNotPossibleException("cannot roll back " + display(current) + " -> " + display(to)
                    + ": " + missing.size() + (missing.size() == 1 ? " step has" : " steps have") + " no way back: "
                    + String.join("; ", missing) + ". Nothing was changed. Add an undo script U<version>__<description>.sql"
                    + " beside each such migration, or choose a later target.");
        }
        List<ReleaseStep> steps = undos.stream().map(Undo::step).collect(Collectors.toList());
        PlanState state = new PlanState(rollbackId(current, to, steps), current, to, steps, scan,
                FlywayHistory.fingerprint(c), null, false, List.of());
        return new Planned(state, List.copyOf(undos));
    }

    private String targetVersion(Connection c, DatabaseKind kind, Target target, List<FlywayHistory.Row> applied,
            String current) throws SQLException {
        if (target instanceof ToVersion v) {
            String version = v.version();
            if ("0".equals(version)) {
                return null;
            }
            boolean present = applied.stream().anyMatch(r -> ArtifactVersion.compareVersions(r.version(), version) == 0);
            if (current != null && ArtifactVersion.compareVersions(version, current) > 0) {
                throw new InvalidRollbackTargetException("the rollback target " + version + " is above the current"
                        + " version " + current + "; a rollback goes down. Choose a version at or below " + current
                        + ", or \"0\" for before every migration.");
            }
            if (!present) {
                throw new InvalidRollbackTargetException("the rollback target " + version + " is not an applied version"
                        + " (applied: " + applied.stream().map(FlywayHistory.Row::version).sorted(
                                ArtifactVersion::compareVersions).collect(Collectors.joining(", "))
                        + "). Choose one of them, or \"0\" for before every migration.");
            }
            return applied.stream().filter(r -> ArtifactVersion.compareVersions(r.version(), version) == 0)
                    .findFirst().get().version();
        }
        Ledger ledger = new Ledger(kind);
        Set<String> stillApplied = applied.stream().map(r -> LocationScanner.canonicalVersion(r.version()))
                .collect(Collectors.toSet());
        if (target instanceof OfRelease r) {
            for (Ledger.ReleaseInfo info : ledger.releases(c)) {
                if (info.releaseId().equals(r.releaseId())) {
                    List<String> versions = ledger.appliedVersions(c, info.releaseId());
                    if (!Ledger.SUCCEEDED.equals(info.status()) || versions.isEmpty()
                            || versions.stream().noneMatch(x -> stillApplied.contains(LocationScanner.canonicalVersion(x)))) {
                        throw new InvalidRollbackTargetException("release " + r.releaseId() + " has no applied steps to"
                                + " roll back (status " + info.status() + "; already undone or never applied)");
                    }
                    return info.fromVersion();
                }
            }
            throw new InvalidRollbackTargetException("no release " + r.releaseId() + " in drm_release; list releases"
                    + " with SELECT id, status, from_version, to_version FROM drm_release ORDER BY seq DESC");
        }
        for (Ledger.ReleaseInfo info : ledger.releases(c)) {
            if (!Ledger.SUCCEEDED.equals(info.status())) {
                continue;
            }
            List<String> versions = ledger.appliedVersions(c, info.releaseId());
            if (versions.stream().anyMatch(x -> stillApplied.contains(LocationScanner.canonicalVersion(x)))) {
                return info.fromVersion();
            }
        }
        throw new InvalidRollbackTargetException("there is no drm release whose steps are still applied, so there is"
                + " no last release to roll back; use toVersion(...) instead");
    }

    private static Set<String> undoing(List<FlywayHistory.Row> applied, String to) {
        Set<String> out = new HashSet<>();
        for (FlywayHistory.Row r : applied) {
            if (to == null || ArtifactVersion.compareVersions(r.version(), to) > 0) {
                out.add(r.version());
            }
        }
        return out;
    }

    private static Map<String, ScannedFile> undoScripts(ScannedLocations scan) {
        Map<String, ScannedFile> undo = new HashMap<>();
        for (ScannedFile f : scan.files()) {
            if (f.name().type() == MigrationName.Type.UNDO) {
                undo.putIfAbsent(LocationScanner.canonicalVersion(f.name().version()), f);
            }
        }
        return undo;
    }

    private static String rollbackId(String current, String to, List<ReleaseStep> steps) {
        return PlanState.id("rollback:" + (current == null ? "" : current), to, steps);
    }

    /**
     * Dry-runs a rollback plan: on PostgreSQL in one transaction that is rolled back, elsewhere
     * reporting each step as not executed, with the reason.
     *
     * @param planned the plan
     * @return the report
     */
    public io.drm.DryRunReport dryRun(Planned planned) {
        return new RollbackDryRun(settings, planner).run(planned);
    }

    /**
     * Applies a rollback plan: lock, re-plan, refuse a changed plan, undo, record.
     *
     * @param planned the plan the caller saw
     * @param target what it rolls back to
     * @return the result
     */
    @SuppressWarnings("try")
    public ReleaseResult apply(Planned planned, Target target) {
        ScannedLocations scan = planner.scan();
        String releaseId = settings.ids().get();
        if (settings.configStore() != null) {
            settings.configStore().ping(); // refused before anything is undone when it cannot be switched back
        }
        try (Connector.Lease lease = settings.connector().open()) {
            DatabaseKind kind;
            try (Connection c = lease.connection("connect to")) {
                kind = DatabaseKind.of(c);
            }
            try (ReleaseLock lock = ReleaseLock.acquire(lease.connection("take the release lock on"), kind,
                    settings.lockTimeout(), "rollback " + releaseId + " by " + settings.actor(), settings.clock())) {
                Planned now;
                try (Connection c = lease.connection("plan the rollback of")) {
                    new Recovery(settings, kind).recover(c, scan);
                    now = plan(c, kind, scan, target);
                }
                if (!now.plan().id().equals(planned.plan().id())) {
                    throw new PlanChangedException("the rollback plan " + planned.plan().id() + " no longer matches the"
                            + " database; the plan now would be " + now.plan().id() + " (" + now.plan().steps().size()
                            + " steps). Nothing was undone. Plan the rollback again and review it.");
                }
                return execute(lease, kind, releaseId, now);
            }
        } catch (SQLException e) {
            throw settings.connector().translate(e, "roll back");
        }
    }

    private ReleaseResult execute(Connector.Lease lease, DatabaseKind kind, String releaseId, Planned planned)
            throws SQLException {
        PlanState plan = planned.plan();
        Auditor audit = new Auditor(settings, ReleaseEngine.target(lease, kind));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("releaseId", releaseId);
        details.put("planId", plan.id());
        details.put("kind", "rollback");
        putVersion(details, "fromVersion", plan.currentVersion());
        putVersion(details, "toVersion", plan.targetVersion());
        details.put("steps", String.valueOf(plan.steps().size()));
        audit.append("release.started", AuditEvent.Outcome.UNKNOWN, details,
                "Audit is fail-closed: the rollback did not start and nothing was undone.");
        Instant started = settings.clock().instant();
        Ledger ledger = new Ledger(kind);
        try (Connection c = lease.connection("record the rollback in")) {
            ledger.ensureTables(c);
            new UndoLog(kind).ensureTables(c);
            ledger.begin(c, new Ledger.ReleaseRow(releaseId, plan.id(), settings.environment(), settings.actor(),
                    Ledger.RUNNING, plan.currentVersion(), plan.targetVersion(), plan.contentHash(), plan.stamp(),
                    plan.historyFingerprint(), plan.steps().size(), started, null));
        }
        LOG.info("rollback {} - undoing {} steps: {} -> {} (plan {})", releaseId, plan.steps().size(),
                display(plan.currentVersion()), display(plan.targetVersion()), plan.id());
        Compensator compensator = new Compensator(kind);
        UndoLog log = new UndoLog(kind);
        List<AppliedStep> undone = new ArrayList<>();
        Undo failedAt = null;
        SQLException failure = null;
        try (Connection c = lease.connection("roll back")) {
            boolean tx = kind.transactionalDdl();
            c.setAutoCommit(!tx);
            try {
                for (Undo undo : planned.undos()) {
                    failedAt = undo;
                    long t0 = System.nanoTime();
                    List<String> statements = undo.script() != null
                            ? compensator.statementsOf(planner.scanner().read(undo.script()))
                            : Compensator.byVersion(log.entries(c, undo.releaseId(), undo.step().version()))
                                    .get(undo.step().version()).script();
                    compensator.run(c, statements);
                    compensator.forget(c, undo.step().version());
                    Duration took = Duration.ofNanos(System.nanoTime() - t0);
                    undone.add(new AppliedStep(undo.step(), took));
                    LOG.info("rollback {} - step {}/{} version {} undone ({}) in {} ms", releaseId, undone.size(),
                            plan.steps().size(), undo.step().version(), undo.step().source(), took.toMillis());
                }
                failedAt = null;
                if (tx) {
                    c.commit();
                }
            } catch (SQLException | DrmException e) {
                failure = e instanceof SQLException s ? s : new SQLException(e.getMessage(), e);
                if (tx) {
                    c.rollback();
                }
            } finally {
                c.setAutoCommit(true);
            }
        }
        if (failure != null) {
            throw failed(lease, kind, ledger, audit, releaseId, planned, undone, failedAt, failure);
        }
        List<Ledger.StepRecord> records = new ArrayList<>();
        for (AppliedStep step : undone) {
            records.add(new Ledger.StepRecord(step.step(), Ledger.UNDONE, step.duration().toMillis(), null));
        }
        try (Connection c = lease.connection("record the rollback in")) {
            ledger.finish(c, releaseId, Ledger.ROLLBACK, plan.targetVersion(), FlywayHistory.fingerprint(c),
                    settings.clock().instant(), null, null, records);
            // the schema the rollback left is the one drift checks compare with from now on
            io.drm.internal.schema.SchemaSnapshots.record(c, kind, releaseId);
        }
        RuntimeException storeFailure = null;
        if (settings.configStore() != null) {
            try {
                String configVersion = alignConfigStore(plan.targetVersion());
                if (configVersion != null) {
                    details.put("configVersion", configVersion);
                }
            } catch (RuntimeException e) {
                storeFailure = e;
                details.put("configStoreFailure", Failures.firstLine(e.getMessage()));
            }
        }
        String ifFails = "The rollback " + releaseId + " was done (" + undone.size() + " steps, now at version "
                + display(plan.targetVersion()) + ") and is recorded in drm_release, but the audit trail misses this"
                + " event.";
        for (AppliedStep step : undone) {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("releaseId", releaseId);
            d.put("version", step.version());
            d.put("source", step.step().source());
            d.put("method", step.step().kind() == StepKind.UNDO_SQL ? "undo script" : "recorded undo and snapshots");
            d.put("durationMs", String.valueOf(step.duration().toMillis()));
            audit.append("migration.undone", AuditEvent.Outcome.SUCCESS, d, ifFails);
        }
        details.put("durationMs", String.valueOf(Duration.between(started, settings.clock().instant()).toMillis()));
        audit.checkpoint(details, ifFails);
        audit.append("release.rolled_back", AuditEvent.Outcome.SUCCESS, details, ifFails);
        audit.flush(ifFails);
        LOG.info("rollback {} - undid {} steps, now at version {}", releaseId, undone.size(),
                display(plan.targetVersion()));
        if (storeFailure != null) {
            throw new io.drm.ConfigStoreException("the rollback " + releaseId + " was done (now at version "
                    + display(plan.targetVersion()) + "), but the configuration store "
                    + settings.configStore().describe() + " could not be switched to the configuration version at or"
                    + " below it: " + Failures.firstLine(storeFailure.getMessage()) + ". Switch it by hand with"
                    + " config().store().switchTo(...).", storeFailure);
        }
        return new ReleaseResult(releaseId, plan.id(), undone, plan.currentVersion(), plan.targetVersion(),
                ReleaseResult.Outcome.ROLLED_BACK);
    }

    private DrmException failed(Connector.Lease lease, DatabaseKind kind, Ledger ledger, Auditor audit,
            String releaseId, Planned planned, List<AppliedStep> undone, Undo failedAt, SQLException failure) {
        boolean tx = kind.transactionalDdl();
        String error = Failures.databaseError(failure);
        StringBuilder message = new StringBuilder("rollback ").append(releaseId).append(" failed");
        if (failedAt != null) {
            message.append(" undoing version ").append(failedAt.step().version()).append(" (")
                    .append(failedAt.step().source()).append(")");
        }
        message.append(": ").append(error).append(". ");
        String now;
        if (tx) {
            now = planned.plan().currentVersion();
            message.append("The database rolled the whole rollback back: nothing of it remains, the database is still at"
                    + " version ").append(display(now)).append(". Fix the undo and roll back again.");
        } else {
            now = undone.isEmpty() ? planned.plan().currentVersion() : lowestUndoneMinusOne(planned, undone);
            message.append(kind.label()).append(" commits DDL implicitly: ");
            message.append(undone.isEmpty() ? "no step was undone" : "undone and removed from Flyway's history: "
                    + undone.stream().map(AppliedStep::version).collect(Collectors.joining(", ")));
            message.append("; version ").append(failedAt == null ? "?" : failedAt.step().version())
                    .append(" is still recorded as applied, and its undo may have left partial changes. Repair them,"
                            + " then roll back again.");
        }
        UndoFailedException exception = new UndoFailedException(message.toString(), failure);
        List<Ledger.StepRecord> records = new ArrayList<>();
        for (AppliedStep step : undone) {
            records.add(new Ledger.StepRecord(step.step(), tx ? "NOT_RUN" : Ledger.UNDONE,
                    step.duration().toMillis(), null));
        }
        if (failedAt != null) {
            records.add(new Ledger.StepRecord(failedAt.step(), "FAILED", null, error));
        }
        try (Connection c = lease.connection("record the failed rollback in")) {
            ledger.finish(c, releaseId, Ledger.FAILED, now, FlywayHistory.fingerprint(c), settings.clock().instant(),
                    UndoFailedException.CODE.id(), exception.getMessage(), records);
        } catch (SQLException | DrmException e) {
            exception.addSuppressed(e);
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("releaseId", releaseId);
        details.put("planId", planned.plan().id());
        details.put("kind", "rollback");
        details.put("failedStep", failedAt == null ? "none" : failedAt.step().source());
        details.put("stepsUndone", String.valueOf(tx ? 0 : undone.size()));
        details.put("error", error);
        try {
            audit.append("release.failed", AuditEvent.Outcome.FAILURE, details, "");
            audit.flush("");
        } catch (DrmException e) {
            exception.addSuppressed(e);
        }
        LOG.warn("rollback {} failed: {}", releaseId, exception.getMessage());
        return exception;
    }

    /**
     * With an external configuration store (whose switches are not in the database's undo), makes
     * the highest stored configuration version at or below the rollback's target live again.
     *
     * @return the version switched to, or {@code null} when nothing was switched
     */
    private String alignConfigStore(String to) {
        io.drm.spi.ConfigStore store = settings.configStore();
        Optional<String> live = store.liveVersion();
        if (live.isEmpty() || (to != null && ArtifactVersion.compareVersions(live.get(), to) <= 0)) {
            return null;
        }
        Optional<String> back = to == null ? Optional.empty() : store.versions().stream()
                .filter(v -> ArtifactVersion.compareVersions(v, to) <= 0).max(ArtifactVersion::compareVersions);
        if (back.isEmpty()) {
            LOG.warn("rollback - no configuration version at or below {} is stored in {}; version {} stays live",
                    display(to), store.describe(), live.get());
            return null;
        }
        store.switchTo(back.get());
        LOG.info("rollback - configuration version {} is live again in {}", back.get(), store.describe());
        return back.get();
    }

    private static String lowestUndoneMinusOne(Planned planned, List<AppliedStep> undone) {
        List<Undo> all = planned.undos();
        int next = undone.size();
        return next < all.size() ? all.get(next).step().version() : planned.plan().targetVersion();
    }

    private static void putVersion(Map<String, String> details, String key, String version) {
        if (version != null) {
            details.put(key, version);
        }
    }

    private static String display(String version) {
        return version == null ? "<empty>" : version;
    }
}
