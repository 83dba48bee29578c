package io.drm.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reverses what one release left applied, last statement first: the recorded undo of each step
 * (generated statements and safety snapshots), or its undo script where the record cannot reverse
 * it; every reversed step is removed from Flyway's history, and so are failed rows. Used when a
 * release fails on a database whose DDL commits implicitly, when a later transactional group of a
 * PostgreSQL release fails after non-transactional steps committed, and when a release's process
 * died.
 */
final class Compensation {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.release");

    /**
     * What a compensation did.
     *
     * @param undone the versions reversed, in the order they were reversed
     * @param remaining the versions of the release still applied (their changes remain), in step order
     * @param why why the first remaining one could not be reversed, or {@code null}
     */
    record Result(List<String> undone, List<String> remaining, String why) {

        boolean complete() {
            return remaining.isEmpty();
        }
    }

    private Compensation() {
    }

    /**
     * Reverses a release's recorded statements.
     *
     * @param c an auto-commit connection
     * @param kind the database kind
     * @param releaseId the release
     * @param undoScript the undo script of a version, or {@code null} when there is none
     * @return what was done
     * @throws SQLException if reading the record fails
     */
    static Result compensate(Connection c, DatabaseKind kind, String releaseId, Function<String, byte[]> undoScript)
            throws SQLException {
        return compensate(c, kind, releaseId, undoScript, null, -1);
    }

    /**
     * Reverses a release's recorded statements after its step {@code failedVersion} failed: the
     * failing statement (the step's last recorded one) took no effect, and the row changes after
     * the step's last DDL statement were rolled back with the step's transaction.
     *
     * @param c an auto-commit connection
     * @param kind the database kind
     * @param releaseId the release
     * @param undoScript the undo script of a version, or {@code null} when there is none
     * @param failedVersion the failing step's version, or {@code null} (a release whose process died)
     * @param failedStatementNo the undo log's number of the failing statement, or -1
     * @return what was done
     * @throws SQLException if reading the record fails
     */
    static Result compensate(Connection c, DatabaseKind kind, String releaseId, Function<String, byte[]> undoScript,
            String failedVersion, int failedStatementNo) throws SQLException {
        if (!UndoLog.exists(c, kind)) {
            return new Result(List.of(), List.of(), null);
        }
        UndoLog log = new UndoLog(kind);
        Compensator compensator = new Compensator(kind);
        Map<String, Compensator.RecordedUndo> byVersion = Compensator.byVersion(
                withoutRolledBack(log.entries(c, releaseId, null), failedVersion, failedStatementNo));
        List<String> versions = new ArrayList<>(byVersion.keySet());
        Collections.reverse(versions);
        // Find how far back the release can be reversed: a version with neither a complete record nor an
        // undo script stops it, and so does a row change on a table whose creating version is not reversed.
        int stoppedAt = versions.size();
        String why = null;
        for (int i = 0; i < versions.size(); i++) {
            String version = versions.get(i);
            Compensator.RecordedUndo recorded = byVersion.get(version);
            if (recorded.irreversible() != null && (version.isEmpty() || undoScript.apply(version) == null)) {
                stoppedAt = i;
                why = "version " + (version.isEmpty() ? "(repeatable)" : version) + ": " + recorded.irreversible()
                        + ", and there is no undo script for it";
                break;
            }
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            List<String> reversing = versions.subList(0, stoppedAt);
            for (int i = 0; i < stoppedAt; i++) {
                Compensator.RecordedUndo recorded = byVersion.get(versions.get(i));
                if (recorded.irreversible() == null && !reversing.containsAll(recorded.coveredBy())) {
                    why = "version " + versions.get(i) + ": it changed rows of a table created by version "
                            + String.join(", ", recorded.coveredBy()) + ", which cannot be reversed";
                    stoppedAt = i;
                    changed = true;
                    break;
                }
            }
        }
        List<String> undone = new ArrayList<>();
        for (int i = 0; i < stoppedAt; i++) {
            String version = versions.get(i);
            Compensator.RecordedUndo recorded = byVersion.get(version);
            List<String> script = recorded.irreversible() == null ? recorded.script()
                    : compensator.statementsOf(undoScript.apply(version));
            try {
                compensator.run(c, script);
            } catch (SQLException e) {
                why = "version " + version + ": its undo failed: " + Failures.databaseError(e);
                stoppedAt = i;
                break;
            }
            if (!version.isEmpty()) {
                compensator.forget(c, version);
            }
            undone.add(version);
            LOG.info("release {} - compensated version {}", releaseId, version.isEmpty() ? "(repeatable)" : version);
        }
        compensator.forgetFailed(c);
        List<String> remaining = new ArrayList<>();
        for (int i = versions.size() - 1; i >= stoppedAt; i--) {
            remaining.add(versions.get(i));
        }
        return new Result(List.copyOf(undone), List.copyOf(remaining), why);
    }

    /** Drops the failing statement and the row changes its step's transaction rolled back. */
    private static List<UndoLog.Entry> withoutRolledBack(List<UndoLog.Entry> entries, String failedVersion,
            int failedStatementNo) {
        if (failedVersion == null) {
            return entries;
        }
        List<UndoLog.Entry> out = new ArrayList<>(entries);
        out.removeIf(e -> e.statementNo() == failedStatementNo);
        // Walk back over the failing step's statements: trailing row changes without undo were in its
        // transaction, which the database rolled back.
        while (true) {
            int last = -1;
            for (UndoLog.Entry e : out) {
                if (failedVersion.equals(e.version()) && !UndoLog.STEP.equals(e.kind())) {
                    last = Math.max(last, e.statementNo());
                }
            }
            final int no = last;
            if (no < 0 || out.stream().noneMatch(e -> e.statementNo() == no && UndoLog.IRREVERSIBLE_DML.equals(e.kind()))) {
                break;
            }
            out.removeIf(e -> e.statementNo() == no);
        }
        return out;
    }
}
