package io.drm.internal;

import io.drm.internal.sql.Dialect;
import io.drm.internal.sql.SqlSplitter;
import io.drm.internal.sql.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reverses steps: with an undo script ({@code U<version>__*.sql}) or with the undo that drm recorded
 * in {@code drm_undo} when the step ran (generated statements and safety snapshots), and removes the
 * step's rows from Flyway's history so that a later release applies it again. One model serves a
 * rollback the user asks for, the compensation of a failed release on databases whose DDL commits
 * implicitly, and the recovery of a release whose process died.
 */
final class Compensator {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.release");

    private final DatabaseKind kind;

    Compensator(DatabaseKind kind) {
        this.kind = kind;
    }

    /**
     * The recorded undo of one step of one release.
     *
     * @param version the step's version
     * @param statements undo parts by statement number (in the order they ran forward)
     * @param irreversible why a statement of it has no generated undo, or {@code null}
     */
    record RecordedUndo(String version, TreeMap<Integer, List<String>> statements, String irreversible,
            java.util.Set<String> coveredBy) {

        /** Whether every statement of the step can be reversed from the record alone. */
        boolean reversible() {
            return irreversible == null && coveredBy.isEmpty();
        }

        /**
         * Whether every statement can be reversed when the given versions are undone as well (row
         * changes on a table created by one of them are undone by dropping it).
         */
        boolean reversibleWith(java.util.Collection<String> undoing) {
            return irreversible == null && undoing.containsAll(coveredBy);
        }

        /** The undo statements in the order they must run: last statement first. */
        List<String> script() {
            List<String> out = new ArrayList<>();
            for (List<String> parts : statements.descendingMap().values()) {
                out.addAll(parts);
            }
            return out;
        }
    }

    /** Groups a release's undo entries by version, in the order the steps ran. */
    static Map<String, RecordedUndo> byVersion(List<UndoLog.Entry> entries) {
        Map<String, TreeMap<Integer, List<String>>> parts = new LinkedHashMap<>();
        Map<String, String> irreversible = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> covered = new LinkedHashMap<>();
        for (UndoLog.Entry e : entries) {
            String v = e.version() == null ? "" : e.version();
            TreeMap<Integer, List<String>> byStatement = parts.computeIfAbsent(v, k -> new TreeMap<>());
            java.util.Set<String> cover = covered.computeIfAbsent(v, k -> new java.util.HashSet<>());
            if (UndoLog.STEP.equals(e.kind()) || UndoLog.H2_COPY.equals(e.kind())) {
                continue;
            }
            if (UndoLog.COVERED.equals(e.kind())) {
                if (!e.sql().equals(v)) {
                    cover.add(e.sql());
                }
                continue;
            }
            List<String> list = byStatement.computeIfAbsent(e.statementNo(), k -> new ArrayList<>());
            if (!UndoLog.UNDO.equals(e.kind())) {
                irreversible.putIfAbsent(v, e.sql());
            } else {
                list.add(e.sql());
            }
        }
        Map<String, RecordedUndo> out = new LinkedHashMap<>();
        parts.forEach((v, st) -> out.put(v, new RecordedUndo(v, st, irreversible.get(v), Set.copyOf(covered.get(v)))));
        return out;
    }

    /**
     * Runs statements one by one on a connection.
     *
     * @return how many rows they changed
     */
    long run(Connection c, List<String> statements) throws SQLException {
        long rows = 0;
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                LOG.debug("undo: {}", sql);
                if (!st.execute(sql)) {
                    rows += Math.max(0, st.getUpdateCount());
                }
            }
        }
        return rows;
    }

    /** Splits an undo script into its statements. */
    List<String> statementsOf(byte[] script) {
        String text = new String(script, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<String> out = new ArrayList<>();
        for (SqlStatement s : SqlSplitter.split(text, Dialect.of(kind))) {
            out.add(s.sql());
        }
        return out;
    }

    /**
     * Removes a version's rows (applied or failed) from Flyway's history.
     *
     * @return how many rows were removed
     */
    int forget(Connection c, String version) throws SQLException {
        String q = kind == DatabaseKind.MYSQL ? "`" : "\"";
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + q + "flyway_schema_history" + q + " WHERE "
                + q + "version" + q + " = ?")) {
            ps.setString(1, version);
            return ps.executeUpdate();
        }
    }

    /** Removes the failed rows from Flyway's history. */
    int forgetFailed(Connection c) throws SQLException {
        String q = kind == DatabaseKind.MYSQL ? "`" : "\"";
        try (Statement st = c.createStatement()) {
            return st.executeUpdate("DELETE FROM " + q + "flyway_schema_history" + q + " WHERE " + q + "success" + q
                    + " = " + (kind == DatabaseKind.MYSQL ? "0" : "FALSE"));
        }
    }
}
