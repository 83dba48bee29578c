package io.drm.internal;

import io.drm.spi.AuditEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds, under the release lock, releases whose process died mid-release (still {@code RUNNING} in
 * the ledger while nobody holds the lock) and brings the database to a consistent state before
 * anything new runs: on H2 and MySQL/MariaDB, whose DDL commits implicitly, the interrupted
 * release's statements are reversed with the undo it recorded; on PostgreSQL its transaction died
 * with it, so what it committed (transactional groups before a non-transactional step) is kept and
 * recorded. Each such release is audited as {@code release.interrupted} and marked
 * {@code ABANDONED} with what remains of it.
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.release");

    private final Settings settings;
    private final DatabaseKind kind;

    Recovery(Settings settings, DatabaseKind kind) {
        this.settings = settings;
        this.kind = kind;
    }

    /**
     * Recovers every interrupted release.
     *
     * @param c an auto-commit connection, used under the release lock
     * @param scan the locations, for undo scripts
     * @throws SQLException if the database fails
     */
    void recover(Connection c, ScannedLocations scan) throws SQLException {
        Ledger ledger = new Ledger(kind);
        List<Ledger.ReleaseInfo> running = ledger.running(c);
        if (running.isEmpty()) {
            return;
        }
        LocationScanner scanner = new LocationScanner(settings.classLoader());
        Auditor audit = null;
        for (Ledger.ReleaseInfo release : running) {
            String message;
            Map<String, String> details = new LinkedHashMap<>();
            details.put("releaseId", release.releaseId());
            if (!kind.transactionalDdl()) {
                List<String> repaired = kind == DatabaseKind.H2 ? repairH2Copies(c, release.releaseId()) : List.of();
                if (!repaired.isEmpty()) {
                    details.put("h2TablesRepaired", String.join("; ", repaired));
                    LOG.warn("release {} was interrupted inside an ALTER TABLE: {}", release.releaseId(),
                            String.join("; ", repaired));
                }
                Compensation.Result result = Compensation.compensate(c, kind, release.releaseId(),
                        v -> ReleaseEngine.undoScriptOf(scanner, scan, v));
                details.put("stepsCompensated", String.valueOf(result.undone().size()));
                details.put("stepsRemaining", String.valueOf(result.remaining().size()));
                message = "the release's process stopped before it recorded its end; found under the release lock. "
                        + (result.complete()
                                ? "drm reversed what it had applied (" + (result.undone().isEmpty() ? "nothing"
                                        : "versions " + String.join(", ", result.undone())) + "): nothing of it remains."
                                : "drm reversed " + (result.undone().isEmpty() ? "nothing"
                                        : "versions " + String.join(", ", result.undone())) + " but could not reverse "
                                        + result.why() + "; still applied: " + String.join(", ", result.remaining()));
            } else {
                message = "the release's process stopped before it recorded its end; found under the release lock."
                        + " PostgreSQL rolled back its open transaction; what it had committed is in"
                        + " flyway_schema_history and is kept.";
            }
            ledger.abandon(c, release.releaseId(), settings.clock().instant(), message);
            LOG.warn("release {} was interrupted: {}", release.releaseId(), message);
            if (audit == null) {
                String scope = kind == DatabaseKind.MYSQL ? c.getCatalog() : c.getSchema();
                audit = new Auditor(settings, kind.label() + ":" + (scope == null ? "default" : scope));
            }
            details.put("message", message);
            audit.append("release.interrupted", AuditEvent.Outcome.FAILURE, details,
                    "The interrupted release was recovered and is marked ABANDONED in drm_release.");
        }
    }

    /** Puts back the tables H2 was rewriting through a copy when the process died (see {@link H2Copies}). */
    private List<String> repairH2Copies(Connection c, String releaseId) throws SQLException {
        if (!UndoLog.exists(c, kind)) {
            return List.of();
        }
        List<String> records = new java.util.ArrayList<>();
        for (UndoLog.Entry e : new UndoLog(kind).entries(c, releaseId, null)) {
            if (UndoLog.H2_COPY.equals(e.kind())) {
                records.add(e.sql());
            }
        }
        return H2Copies.repair(c, records);
    }
}
