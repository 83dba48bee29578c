package io.drm.internal;

import io.drm.internal.sql.ClassifiedStatement;
import io.drm.internal.sql.Dialect;
import io.drm.internal.sql.SqlStatement;
import io.drm.internal.sql.StatementClassifier;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before every statement that Flyway executes in a release: classifies it, takes the safety
 * snapshot a destructive statement needs, and writes its undo to {@code drm_undo} on the
 * migration's own connection. A snapshot that cannot be taken fails the statement's step, so that
 * no data is destroyed without its copy.
 */
final class StatementGuard {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.release");

    private final DatabaseKind kind;
    private final Dialect dialect;
    private final Clock clock;
    private final String releaseId;
    private final UndoLog log;
    private final java.util.Map<String, String> createdInRelease = new java.util.HashMap<>();
    private final List<UndoLog.Snapshot> snapshots = new ArrayList<>();
    private int statementNo;
    private int lastStatementNo = -1;

    StatementGuard(DatabaseKind kind, Clock clock, String releaseId) {
        this.kind = kind;
        this.dialect = Dialect.of(kind);
        this.clock = clock;
        this.releaseId = releaseId;
        this.log = new UndoLog(kind);
    }

    /**
     * Prepares the undo of a statement about to run.
     *
     * @param c the migration's connection
     * @param version the step's version, or {@code null} for a repeatable step
     * @param sql the statement
     * @throws SQLException if the snapshot or the undo record cannot be written
     */
    void before(Connection c, String version, String sql) throws SQLException {
        ClassifiedStatement classified = StatementClassifier.classify(new SqlStatement(sql, 1, 0), dialect);
        Inverses.Undo undo = new Inverses(kind, clock.instant(), releaseId, version, createdInRelease)
                .before(c, classified);
        record(c, version, sql, undo, H2Copies.watch(c, kind, classified));
    }

    private void record(Connection c, String version, String sql, Inverses.Undo undo, String h2Copies)
            throws SQLException {
        int no = ++statementNo;
        lastStatementNo = no;
        List<UndoLog.Entry> entries = new ArrayList<>();
        if (h2Copies != null) {
            entries.add(new UndoLog.Entry(releaseId, version, no, 0, UndoLog.H2_COPY, h2Copies, null));
        }
        if (undo.coveredBy() != null) {
            entries.add(new UndoLog.Entry(releaseId, version, no, 1, UndoLog.COVERED, undo.coveredBy(), null));
        } else if (undo.irreversible() != null) {
            entries.add(new UndoLog.Entry(releaseId, version, no, 1,
                    undo.dml() ? UndoLog.IRREVERSIBLE_DML : UndoLog.IRREVERSIBLE, undo.irreversible(), null));
        } else {
            String snapshotId = undo.snapshots().isEmpty() ? null : undo.snapshots().get(0).id();
            int part = 0;
            for (String p : undo.parts()) {
                entries.add(new UndoLog.Entry(releaseId, version, no, ++part, UndoLog.UNDO, p, snapshotId));
            }
        }
        for (UndoLog.Snapshot s : undo.snapshots()) {
            log.recordSnapshot(c, s);
            snapshots.add(s);
            LOG.info("release {} - safety snapshot {} of {}{} ({} rows) before: {}", releaseId, s.id(), s.table(),
                    s.column() == null ? "" : "." + s.column(), s.rows(), Inverses.abbreviate(sql));
        }
        log.append(c, entries);
    }

    /**
     * Records that a step starts, so that a compensation finds its history rows even when none of its
     * statements needs an undo of its own.
     *
     * @param c the migration's connection
     * @param version the step's version, or {@code null}
     * @throws SQLException if the record cannot be written
     */
    void beginStep(Connection c, String version) throws SQLException {
        log.append(c, List.of(new UndoLog.Entry(releaseId, version, ++statementNo, 0, UndoLog.STEP, "", null)));
        lastStatementNo = -1;
    }

    /** The number of the statement that ran last in the current step, or -1 before its first. */
    int lastStatementNo() {
        return lastStatementNo;
    }

    /**
     * Prepares the undo of a data step's row changes to a table: a snapshot of its rows, restored by
     * delete and insert.
     *
     * @param c the step's connection
     * @param version the step's version
     * @param table the table as the artifact names it
     * @throws SQLException if the snapshot or the undo record cannot be written
     */
    void beforeRowChanges(Connection c, String version, String table) throws SQLException {
        String q = kind == DatabaseKind.MYSQL ? "`" : "\"";
        String stored = SqlNames.table(c, kind, table).orElse(table);
        // A snapshot of the table's rows before the load, restored by delete and insert: exact whatever the
        // load mode, and cheap for a table created earlier in the release, which holds few rows yet.
        io.drm.internal.sql.ActionKind action = io.drm.internal.sql.ActionKind.DELETE;
        String sql = "DELETE FROM " + q + stored.replace(q, q + q) + q;
        Inverses.Undo undo = new Inverses(kind, clock.instant(), releaseId, version, createdInRelease)
                .before(c, new ClassifiedStatement(new SqlStatement(sql, 1, 0), List.of(new io.drm.internal.sql.SqlAction(
                        action, null, stored, null, null, false, false, false))));
        record(c, version, sql, undo, null);
    }

    /** The snapshots taken so far, in order. */
    List<UndoLog.Snapshot> snapshots() {
        return List.copyOf(snapshots);
    }
}
