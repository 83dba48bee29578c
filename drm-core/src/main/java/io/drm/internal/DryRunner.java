package io.drm.internal;

import io.drm.DrmException;
import io.drm.DryRunReport;
import io.drm.PlanChangedException;
import io.drm.spi.AuditEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dry-runs a plan: re-plans (on PostgreSQL under the release lock), runs the pending SQL statements
 * where they leave no trace (PostgreSQL: one transaction on the application's database, rolled back;
 * H2 and MySQL/MariaDB: a shadow database, dropped after), and audits {@code release.dry_run}. Writes
 * nothing to the application's database: no schema change, no data, no Flyway history, no ledger row.
 */
final class DryRunner {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.release");
    private static final DateTimeFormatter FLYWAY_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Settings settings;
    private final Planner planner;

    DryRunner(Settings settings, Planner planner) {
        this.settings = settings;
        this.planner = planner;
    }

    /** What was run, and where. */
    private record Outcome(DryRunReport.Mode mode, String where, List<DryRunReport.Step> steps) {
    }

    DryRunReport run(PlanState planned) {
        long started = System.nanoTime();
        String stamp = planner.scanner().stamp(settings.locations());
        ScannedLocations scan = stamp != null && stamp.equals(planned.stamp()) && !planned.scan().files().isEmpty()
                ? planned.scan() : planner.scan();
        String dryRunId = settings.ids().get();
        try (Connector.Lease lease = settings.connector().open()) {
            DatabaseKind kind = kindOf(lease);
            Outcome outcome = planned.isEmpty() ? upToDate(lease, kind, scan, planned) : switch (kind) {
                case POSTGRESQL -> inTransaction(lease, kind, scan, planned, dryRunId);
                case H2 -> onH2Shadow(lease, kind, scan, planned);
                case MYSQL -> onMariaDbShadow(lease, kind, scan, planned);
                default -> {
                    PlanState now = replan(lease, kind, scan, planned);
                    String why = "drm has no dry run for " + kind.label() + " databases yet";
                    yield new Outcome(DryRunReport.Mode.NOT_EXECUTED, why,
                            executor(kind, false, scan, null).notExecuted(now.steps(), why));
                }
            };
            DryRunReport report = new DryRunReport(planned.id(), planned.currentVersion(), planned.targetVersion(),
                    outcome.mode(), outcome.where(), outcome.steps(), Duration.ofNanos(System.nanoTime() - started));
            audit(lease, kind, dryRunId, report);
            LOG.info("dry run {} of plan {} - {} steps, {}: {}", dryRunId, planned.id(), report.steps().size(),
                    report.mode(), report.failed() ? "fails at " + report.failedStep().get().step().source()
                            : "no step failed");
            return report;
        }
    }

    /** An empty plan: nothing to run, so no transaction and no shadow database either. */
    private Outcome upToDate(Connector.Lease lease, DatabaseKind kind, ScannedLocations scan, PlanState planned) {
        replan(lease, kind, scan, planned);
        return new Outcome(DryRunReport.Mode.NOT_EXECUTED, "nothing to run: the database is up to date at version "
                + (planned.currentVersion() == null ? "<empty>" : planned.currentVersion()), List.of());
    }

    /** PostgreSQL: one transaction on the application's database, under the release lock, rolled back. */
    @SuppressWarnings("try") // the lock is held for the body and released by close()
    private Outcome inTransaction(Connector.Lease lease, DatabaseKind kind, ScannedLocations scan, PlanState planned,
            String dryRunId) {
        Connection lockConnection = lease.connection("take the release lock on");
        try (ReleaseLock lock = ReleaseLock.acquire(lockConnection, kind, settings.lockTimeout(),
                "dry run " + dryRunId + " by " + settings.actor())) {
            PlanState now = replan(lease, kind, scan, planned);
            try (Connection c = lease.connection("dry-run on")) {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    List<DryRunReport.Step> steps = executor(kind, true, scan, c).run(c, now.steps());
                    return new Outcome(DryRunReport.Mode.IN_TRANSACTION_ROLLED_BACK,
                            "one transaction on the application's database, under the release lock, rolled back",
                            steps);
                } finally {
                    rollBack(c, autoCommit);
                }
            }
        } catch (SQLException e) {
            throw settings.connector().translate(e, "dry-run on");
        }
    }

    private static void rollBack(Connection c, boolean autoCommit) {
        try {
            c.rollback();
            c.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // Uncommitted work dies with the session: abort the physical connection so that it cannot return
            // to a pool with the transaction still open.
            LOG.warn("dry run - rollback failed ({}); aborting the connection, which discards the transaction",
                    Failures.firstLine(e.getMessage()));
            try {
                c.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // the connection is closed by the caller anyway
            }
        }
    }

    /** H2: an in-memory copy made with SCRIPT. */
    private Outcome onH2Shadow(Connector.Lease lease, DatabaseKind kind, ScannedLocations scan, PlanState planned) {
        PlanState now = replan(lease, kind, scan, planned);
        H2Shadow shadow;
        try (Connection app = lease.connection("copy")) {
            shadow = H2Shadow.copyOf(app, settings.classLoader());
        } catch (SQLException e) {
            String why = "no shadow database: drm could not copy the schema into an in-memory H2 database ("
                    + Failures.databaseError(e) + "); SCRIPT needs a user with admin rights";
            return new Outcome(DryRunReport.Mode.NOT_EXECUTED, why, executor(kind, false, scan, null)
                    .notExecuted(now.steps(), why));
        }
        try (shadow) {
            Connection c = shadow.connection();
            if (!FlywayHistory.fingerprint(c).equals(now.historyFingerprint())) {
                throw new PlanChangedException("a release changed the database while the dry run copied it, so the"
                        + " copy is not the state plan " + planned.id() + " was made for. Nothing was run. Plan again"
                        + " and dry-run the new plan.");
            }
            List<DryRunReport.Step> steps = executor(kind, false, scan, c).run(c, now.steps());
            return new Outcome(DryRunReport.Mode.SHADOW_DATABASE, shadow.describe(), steps);
        }
    }

    /** MySQL/MariaDB: a scratch database migrated to the current version, dropped after. */
    private Outcome onMariaDbShadow(Connector.Lease lease, DatabaseKind kind, ScannedLocations scan,
            PlanState planned) {
        PlanState now = replan(lease, kind, scan, planned);
        MariaDbShadow shadow;
        try {
            shadow = MariaDbShadow.create(lease.dataSource());
        } catch (SQLException e) {
            String why = "no shadow database: drm could not create a scratch database on the server ("
                    + Failures.databaseError(e) + "); grant the user CREATE and DROP on drm_shadow_% databases"
                    + " to dry-run here";
            return new Outcome(DryRunReport.Mode.NOT_EXECUTED, why, executor(kind, false, scan, null)
                    .notExecuted(now.steps(), why));
        }
        List<DryRunReport.Step> steps;
        String notRun = null;
        try {
            try {
                shadow.migrateTo(planner.flyway(shadow.dataSource(), kind, null), settings.classLoader(),
                        now.currentVersion());
            } catch (FlywayException e) {
                notRun = "no shadow database: migrating the scratch database " + shadow.name() + " to the current"
                        + " version " + now.currentVersion() + " failed (" + Failures.databaseError(e) + ")";
            }
            if (notRun == null) {
                try (Connection c = shadow.dataSource().getConnection()) {
                    c.setAutoCommit(true);
                    steps = executor(kind, false, scan, c).run(c, now.steps());
                }
            } else {
                steps = executor(kind, false, scan, null).notExecuted(now.steps(), notRun);
            }
        } catch (SQLException e) {
            throw settings.connector().translate(e, "dry-run on the scratch database " + shadow.name() + " of");
        } finally {
            shadow.close();
        }
        return notRun != null ? new Outcome(DryRunReport.Mode.NOT_EXECUTED, notRun + "; " + shadow.describe(), steps)
                : new Outcome(DryRunReport.Mode.SHADOW_DATABASE, shadow.describe(), steps);
    }

    private PlanState replan(Connector.Lease lease, DatabaseKind kind, ScannedLocations scan, PlanState planned) {
        PlanState now = planner.plan(lease, kind, scan, planned);
        if (!now.id().equals(planned.id())) {
            throw new PlanChangedException("the plan " + planned.id() + " (" + planned.steps().size() + " steps) no"
                    + " longer matches the database and the locations; the plan now would be " + now.id() + " ("
                    + now.steps().size() + " steps). Nothing was run. Plan again and dry-run the new plan.");
        }
        return now;
    }

    private DryRunExecutor executor(DatabaseKind kind, boolean inTransaction, ScannedLocations scan, Connection c) {
        Map<String, String> base = c == null ? Map.of() : placeholderValues(kind, c);
        Function<String, Map<String, String>> values = fileName -> {
            Map<String, String> all = new HashMap<>(base);
            all.put("flyway:filename", fileName);
            return all;
        };
        return new DryRunExecutor(kind, inTransaction, scan.byRelativePath(), settings.classLoader(), values);
    }

    /** Flyway's built-in placeholders, with the values Flyway would give them on this connection. */
    private Map<String, String> placeholderValues(DatabaseKind kind, Connection c) {
        Map<String, String> values = new HashMap<>();
        try {
            String schema = kind == DatabaseKind.MYSQL ? c.getCatalog() : c.getSchema();
            values.put("flyway:defaultSchema", Objects.requireNonNullElse(schema, ""));
            values.put("flyway:user", Objects.requireNonNullElse(c.getMetaData().getUserName(), ""));
            values.put("flyway:database", Objects.requireNonNullElse(c.getCatalog(), ""));
        } catch (SQLException e) {
            throw settings.connector().translate(e, "read the connection's schema for the dry run on");
        }
        values.put("flyway:timestamp", FLYWAY_TIMESTAMP.format(settings.clock().instant().atZone(ZoneId.systemDefault())));
        values.put("flyway:workingDirectory", System.getProperty("user.dir", ""));
        values.put("flyway:table", "flyway_schema_history");
        values.put("flyway:environment", "default");
        return values;
    }

    private void audit(Connector.Lease lease, DatabaseKind kind, String dryRunId, DryRunReport report) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("dryRunId", dryRunId);
        details.put("planId", report.planId());
        if (report.fromVersion() != null) {
            details.put("fromVersion", report.fromVersion());
        }
        if (report.toVersion() != null) {
            details.put("toVersion", report.toVersion());
        }
        details.put("mode", report.mode().name());
        details.put("steps", String.valueOf(report.steps().size()));
        details.put("executed", String.valueOf(report.steps().stream().filter(DryRunReport.Step::executed).count()));
        details.put("notExecuted", String.valueOf(report.steps().stream().filter(s -> !s.executed()).count()));
        details.put("rowsAffected", String.valueOf(report.rowsAffected()));
        details.put("destructive", String.valueOf(report.destructive().size()));
        details.put("durationMs", String.valueOf(report.duration().toMillis()));
        report.failedStep().ifPresent(s -> {
            details.put("failedStep", s.step().source());
            details.put("failedLine", String.valueOf(s.error().line()));
            details.put("error", s.error().message());
        });
        AuditEvent.Outcome outcome = report.failed() ? AuditEvent.Outcome.FAILURE
                : report.mode() == DryRunReport.Mode.NOT_EXECUTED ? AuditEvent.Outcome.UNKNOWN
                : AuditEvent.Outcome.SUCCESS;
        String ifFails = "The dry run of plan " + report.planId() + " ran and left no trace in the database, but the"
                + " audit trail misses it.";
        Auditor audit = new Auditor(settings, target(lease, kind));
        audit.append("release.dry_run", outcome, details, ifFails);
        audit.flush(ifFails);
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
        } catch (SQLException | DrmException e) {
            return kind.label();
        }
    }
}
