package io.drm.internal;

import io.drm.DryRunReport;
import io.drm.internal.sql.ClassifiedStatement;
import io.drm.internal.sql.Dialect;
import io.drm.internal.sql.SqlAction;
import io.drm.internal.sql.SqlStatement;
import io.drm.internal.sql.StatementClassifier;
import io.drm.spi.AuditEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dry run of a rollback plan. On PostgreSQL every undo statement runs on one connection, under
 * the release lock, in one transaction that is rolled back: per step the statements, their durations
 * and rows, the destructive ones, and the first error. H2 and MySQL/MariaDB commit DDL implicitly, so
 * there nothing runs and each step says why; only {@code release.dry_run} is audited.
 */
final class RollbackDryRun {

    private final Settings settings;
    private final Planner planner;

    RollbackDryRun(Settings settings, Planner planner) {
        this.settings = settings;
        this.planner = planner;
    }

    @SuppressWarnings("try")
    DryRunReport run(RollbackEngine.Planned planned) {
        long t0 = System.nanoTime();
        PlanState plan = planned.plan();
        try (Connector.Lease lease = settings.connector().open()) {
            DatabaseKind kind;
            try (Connection c = lease.connection("connect to")) {
                kind = DatabaseKind.of(c);
            }
            DryRunReport report;
            if (!kind.transactionalDdl()) {
                List<DryRunReport.Step> steps = new ArrayList<>();
                String why = kind.label() + " commits DDL implicitly, so undo statements cannot run and be rolled back;"
                        + " review the steps with explain()";
                for (RollbackEngine.Undo undo : planned.undos()) {
                    steps.add(new DryRunReport.Step(undo.step(), DryRunReport.Status.NOT_EXECUTED, why, List.of(),
                            Duration.ZERO, 0, List.of(), null));
                }
                report = new DryRunReport(plan.id(), plan.currentVersion(), plan.targetVersion(),
                        DryRunReport.Mode.NOT_EXECUTED, why, steps, Duration.ofNanos(System.nanoTime() - t0));
            } else {
                try (ReleaseLock lock = ReleaseLock.acquire(lease.connection("take the release lock on"), kind,
                        settings.lockTimeout(), "rollback dry run by " + settings.actor(), settings.clock());
                        Connection c = lease.connection("dry-run the rollback on")) {
                    c.setAutoCommit(false);
                    try {
                        report = execute(c, kind, planned, t0);
                    } finally {
                        c.rollback();
                        c.setAutoCommit(true);
                    }
                }
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("planId", plan.id());
            details.put("kind", "rollback");
            details.put("mode", report.mode().name());
            details.put("steps", String.valueOf(report.steps().size()));
            new Auditor(settings, ReleaseEngine.target(lease, kind)).append("release.dry_run",
                    report.failed() ? AuditEvent.Outcome.FAILURE : AuditEvent.Outcome.SUCCESS, details,
                    "The dry run ran and was rolled back, but the audit trail misses its event.");
            return report;
        } catch (SQLException e) {
            throw settings.connector().translate(e, "dry-run the rollback on");
        }
    }

    private DryRunReport execute(Connection c, DatabaseKind kind, RollbackEngine.Planned planned, long t0)
            throws SQLException {
        Compensator compensator = new Compensator(kind);
        UndoLog log = new UndoLog(kind);
        List<DryRunReport.Step> steps = new ArrayList<>();
        String stoppedBy = null;
        for (RollbackEngine.Undo undo : planned.undos()) {
            if (stoppedBy != null) {
                steps.add(new DryRunReport.Step(undo.step(), DryRunReport.Status.NOT_EXECUTED, stoppedBy, List.of(),
                        Duration.ZERO, 0, List.of(), null));
                continue;
            }
            List<String> sqls = undo.script() != null ? compensator.statementsOf(planner.scanner().read(undo.script()))
                    : Compensator.byVersion(log.entries(c, undo.releaseId(), undo.step().version()))
                            .get(undo.step().version()).script();
            List<DryRunReport.Statement> statements = new ArrayList<>();
            List<DryRunReport.Finding> findings = new ArrayList<>();
            DryRunReport.Failure failure = null;
            long stepStart = System.nanoTime();
            long rows = 0;
            int index = 0;
            for (String sql : sqls) {
                index++;
                ClassifiedStatement classified = StatementClassifier.classify(new SqlStatement(sql, 1, 0),
                        Dialect.of(kind));
                List<String> destructive = new ArrayList<>();
                if (classified.destructive()) {
                    for (SqlAction a : classified.actions()) {
                        destructive.add(a.kind().name());
                        findings.add(new DryRunReport.Finding(a.kind().name(), index, sql));
                    }
                }
                if (failure != null) {
                    statements.add(new DryRunReport.Statement(index, index, sql, DryRunReport.Status.NOT_EXECUTED,
                            "an earlier statement of the step failed", Duration.ZERO, 0, destructive));
                    continue;
                }
                long s0 = System.nanoTime();
                try (Statement st = c.createStatement()) {
                    long n = st.execute(sql) ? 0 : Math.max(0, st.getUpdateCount());
                    rows += n;
                    statements.add(new DryRunReport.Statement(index, index, sql, DryRunReport.Status.EXECUTED, null,
                            Duration.ofNanos(System.nanoTime() - s0), n, destructive));
                } catch (SQLException e) {
                    failure = new DryRunReport.Failure(index, sql, Failures.databaseError(e), e.getSQLState());
                    statements.add(new DryRunReport.Statement(index, index, sql, DryRunReport.Status.FAILED, null,
                            Duration.ofNanos(System.nanoTime() - s0), 0, destructive));
                }
            }
            if (failure != null) {
                stoppedBy = "the undo of version " + undo.step().version() + " failed";
            }
            steps.add(new DryRunReport.Step(undo.step(), failure == null ? DryRunReport.Status.EXECUTED
                    : DryRunReport.Status.FAILED, null, statements, Duration.ofNanos(System.nanoTime() - stepStart),
                    rows, findings, failure));
        }
        PlanState plan = planned.plan();
        return new DryRunReport(plan.id(), plan.currentVersion(), plan.targetVersion(),
                DryRunReport.Mode.IN_TRANSACTION_ROLLED_BACK, "the database, in one transaction that was rolled back",
                steps, Duration.ofNanos(System.nanoTime() - t0));
    }
}
