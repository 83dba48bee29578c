package io.drm.internal;

import io.drm.internal.sql.ActionKind;
import io.drm.internal.sql.ClassifiedStatement;
import io.drm.internal.sql.SqlAction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Works out, just before a statement runs, the statements that reverse it, and takes the safety
 * snapshot that a destructive statement needs: the dropped table, or the dropped or retyped column
 * with the primary key, copied inside the database with {@code CREATE TABLE ... AS SELECT}, never
 * through the JVM. Every generated undo is idempotent ({@code IF EXISTS} / {@code IF NOT EXISTS},
 * restores keyed by the primary key), so it can also reverse a statement that was interrupted.
 */
final class Inverses {

    /**
     * The undo of one statement.
     *
     * @param parts the undo statements, in the order they run; empty when nothing needs undoing
     * @param irreversible why the statement has no generated undo, or {@code null}
     * @param snapshots the snapshots taken
     * @param dml whether the statement only changes rows (a transaction that is rolled back reverses it)
     * @param coveredBy the version that created the table the statement changes rows of, in this release:
     *     undoing that version (dropping the table) undoes the statement too; {@code null} otherwise
     */
    record Undo(List<String> parts, String irreversible, List<UndoLog.Snapshot> snapshots, boolean dml,
            String coveredBy) {
    }

    private final DatabaseKind kind;
    private final Instant now;
    private final String releaseId;
    private final String version;
    private final java.util.Map<String, String> createdInRelease;

    /**
     * @param createdInRelease stored names (lower case) of tables created earlier in this release, with
     *     the version that created them: row changes on them are undone by dropping the table
     */
    Inverses(DatabaseKind kind, Instant now, String releaseId, String version,
            java.util.Map<String, String> createdInRelease) {
        this.kind = kind;
        this.now = now;
        this.releaseId = releaseId;
        this.version = version;
        this.createdInRelease = createdInRelease;
    }

    /** Computes the undo of a classified statement that is about to run on {@code c}. */
    Undo before(Connection c, ClassifiedStatement statement) throws SQLException {
        List<String> parts = new ArrayList<>();
        List<UndoLog.Snapshot> snapshots = new ArrayList<>();
        UndoLog.Snapshot snapshot;
        String sql = statement.statement().sql();
        // Several actions (ALTER TABLE a, b): undo them in reverse.
        List<SqlAction> actions = new ArrayList<>(statement.actions());
        java.util.Collections.reverse(actions);
        for (SqlAction action : actions) {
            Optional<String> stored = SqlNames.table(c, kind, action.table());
            String table = stored.orElse(action.table() == null ? null : SqlNames.fold(kind, action.table(), sql));
            String qt = table == null ? null : SqlNames.quote(kind, table);
            ActionKind k = action.kind();
            switch (k) {
                case SELECT -> { }
                case CREATE_TABLE -> {
                    if (stored.isEmpty()) {
                        parts.add("DROP TABLE IF EXISTS " + qt);
                        createdInRelease.put(table.toLowerCase(java.util.Locale.ROOT), version == null ? "" : version);
                    }
                }
                case CREATE_VIEW -> parts.add("DROP VIEW IF EXISTS "
                        + SqlNames.quote(kind, SqlNames.fold(kind, action.table(), sql)));
                case CREATE_SEQUENCE -> parts.add("DROP SEQUENCE IF EXISTS "
                        + SqlNames.quote(kind, SqlNames.fold(kind, action.table(), sql)));
                case ADD_COLUMN -> {
                    if (stored.isEmpty()) {
                        return irreversible("ALTER TABLE on a table that does not exist: " + action.table());
                    }
                    String col = SqlNames.fold(kind, action.column(), sql);
                    if (SqlNames.column(c, kind, table, col).isEmpty()) {
                        parts.add("ALTER TABLE " + qt + " DROP COLUMN IF EXISTS " + SqlNames.quote(kind, col));
                    }
                }
                case CREATE_INDEX -> {
                    String index = action.detail();
                    if (index == null || index.isBlank()) {
                        return irreversible("CREATE INDEX without a name on " + action.table());
                    }
                    String qi = SqlNames.quote(kind, SqlNames.fold(kind, index, sql));
                    parts.add(kind == DatabaseKind.MYSQL ? "DROP INDEX IF EXISTS " + qi + " ON " + qt
                            : "DROP INDEX IF EXISTS " + qi);
                }
                case INSERT, UPDATE, DELETE, MERGE -> {
                    if (stored.isPresent() && created(table)
                            && (action.hasWhere() || k == ActionKind.INSERT || k == ActionKind.MERGE)) {
                        return new Undo(List.of(), null, List.of(), true,
                                createdInRelease.get(table.toLowerCase(java.util.Locale.ROOT)));
                    }
                    if (k == ActionKind.INSERT && stored.isEmpty()) {
                        return irreversibleDml("INSERT into " + action.table() + ", which does not exist yet");
                    }
                    if ((k == ActionKind.UPDATE || k == ActionKind.DELETE) && !action.hasWhere() && stored.isPresent()) {
                        snapshot = snapshotTable(c, table);
                        snapshots.add(snapshot);
                        List<String> key = SqlNames.primaryKey(c, kind, table);
                        parts.addAll(k == ActionKind.UPDATE && !key.isEmpty()
                                ? restoreValues(c, table, key, snapshot.id()) : restoreRows(c, table, snapshot.id()));
                    } else {
                        return irreversibleDml(k + " on " + table + ", which existed before this release: only an"
                                + " undo script can reverse it");
                    }
                }
                case TRUNCATE -> {
                    if (stored.isEmpty()) {
                        break;
                    }
                    snapshot = snapshotTable(c, table);
                    snapshots.add(snapshot);
                    parts.addAll(restoreRows(c, table, snapshot.id()));
                }
                case DROP_TABLE -> {
                    if (stored.isEmpty()) {
                        break; // DROP TABLE IF EXISTS of a missing table: nothing to undo
                    }
                    List<String> ddl = CatalogDdl.table(c, kind, table);
                    snapshot = snapshotTable(c, table);
                        snapshots.add(snapshot);
                    List<String> restore = new ArrayList<>();
                    restore.add("DROP TABLE IF EXISTS " + qt);
                    restore.addAll(ddl);
                    restore.add(insertFromSnapshot(c, table, snapshot.id(), SqlNames.columns(c, kind, table)));
                    parts.addAll(restore);
                }
                case DROP_COLUMN, ALTER_COLUMN_TYPE -> {
                    if (stored.isEmpty()) {
                        return irreversible(k + " on a table that does not exist: " + action.table());
                    }
                    Optional<String> col = SqlNames.column(c, kind, table, SqlNames.fold(kind, action.column(), sql));
                    if (col.isEmpty()) {
                        break; // DROP COLUMN IF EXISTS of a missing column
                    }
                    List<String> key = SqlNames.primaryKey(c, kind, table);
                    if (key.isEmpty()) {
                        return irreversible(k + " of " + table + "." + col.get() + ": the table has no primary key to"
                                + " restore the column's values by");
                    }
                    CatalogDdl.ColumnDef def = CatalogDdl.column(c, kind, table, col.get());
                    List<String> indexes = CatalogDdl.indexesOn(c, kind, table, col.get());
                    snapshot = snapshotColumn(c, table, key, col.get());
                    snapshots.add(snapshot);
                    parts.addAll(restoreColumn(table, key, col.get(), def, snapshot.id(), k == ActionKind.ALTER_COLUMN_TYPE));
                    parts.addAll(indexes);
                }
                default -> {
                    return irreversible(k + " (" + abbreviate(sql) + ") has no generated undo");
                }
            }
        }
        return new Undo(List.copyOf(parts), null, List.copyOf(snapshots), false, null);
    }

    private boolean created(String table) {
        return table != null && createdInRelease.containsKey(table.toLowerCase(java.util.Locale.ROOT));
    }

    private static Undo irreversible(String why) {
        return new Undo(List.of(), why, List.of(), false, null);
    }

    private static Undo irreversibleDml(String why) {
        return new Undo(List.of(), why, List.of(), true, null);
    }

    private UndoLog.Snapshot snapshotTable(Connection c, String table) throws SQLException {
        String id = snapshotId();
        long rows = createAs(c, id, "SELECT * FROM " + SqlNames.quote(kind, table));
        return new UndoLog.Snapshot(id, releaseId, version, table, null, rows, now, UndoLog.KEPT);
    }

    private UndoLog.Snapshot snapshotColumn(Connection c, String table, List<String> key, String column)
            throws SQLException {
        String id = snapshotId();
        List<String> cols = new ArrayList<>(key);
        cols.add(column);
        long rows = createAs(c, id, "SELECT " + cols.stream().map(n -> SqlNames.quote(kind, n))
                .collect(Collectors.joining(", ")) + " FROM " + SqlNames.quote(kind, table));
        return new UndoLog.Snapshot(id, releaseId, version, table, column, rows, now, UndoLog.KEPT);
    }

    private long createAs(Connection c, String id, String select) throws SQLException {
        String qs = SqlNames.quote(kind, id);
        try (Statement st = c.createStatement()) {
            long copied = st.executeUpdate("CREATE TABLE " + qs + " AS " + select);
            if (copied > 0) {
                return copied; // PostgreSQL and MariaDB report the rows copied
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + qs)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> restoreRows(Connection c, String table, String snapshotId) throws SQLException {
        List<String> parts = new ArrayList<>();
        parts.add("DELETE FROM " + SqlNames.quote(kind, table));
        parts.add(insertFromSnapshot(c, table, snapshotId, SqlNames.columns(c, kind, table)));
        return parts;
    }

    private List<String> restoreValues(Connection c, String table, List<String> key, String snapshotId)
            throws SQLException {
        String qt = SqlNames.quote(kind, table);
        String qs = SqlNames.quote(kind, snapshotId);
        String match = key.stream().map(k -> "s." + SqlNames.quote(kind, k) + " = " + qt + "." + SqlNames.quote(kind, k))
                .collect(Collectors.joining(" AND "));
        List<String> sets = new ArrayList<>();
        sets.add(keyIndex(snapshotId, key));
        for (String col : SqlNames.columns(c, kind, table)) {
            if (!key.contains(col)) {
                String qc = SqlNames.quote(kind, col);
                sets.add(qc + " = (SELECT s." + qc + " FROM " + qs + " s WHERE " + match + ")");
            }
        }
        if (sets.size() == 1) {
            return List.of();
        }
        return List.of(sets.get(0), "UPDATE " + qt + " SET " + String.join(", ", sets.subList(1, sets.size())));
    }

    private String insertFromSnapshot(Connection c, String table, String snapshotId, List<String> columns) {
        String cols = columns.stream().map(n -> SqlNames.quote(kind, n)).collect(Collectors.joining(", "));
        String overriding = kind == DatabaseKind.POSTGRESQL ? " OVERRIDING SYSTEM VALUE" : "";
        return "INSERT INTO " + SqlNames.quote(kind, table) + " (" + cols + ")" + overriding + " SELECT " + cols
                + " FROM " + SqlNames.quote(kind, snapshotId);
    }

    private List<String> restoreColumn(String table, List<String> key, String column, CatalogDdl.ColumnDef def,
            String snapshotId, boolean retype) {
        String qt = SqlNames.quote(kind, table);
        String qc = SqlNames.quote(kind, column);
        String qs = SqlNames.quote(kind, snapshotId);
        List<String> parts = new ArrayList<>();
        if (retype) {
            parts.add("ALTER TABLE " + qt + " DROP COLUMN IF EXISTS " + qc);
        }
        StringBuilder add = new StringBuilder("ALTER TABLE ").append(qt).append(" ADD COLUMN IF NOT EXISTS ")
                .append(qc).append(' ').append(def.type());
        if (def.defaultSql() != null) {
            add.append(" DEFAULT ").append(def.defaultSql());
        }
        if (kind != DatabaseKind.POSTGRESQL) {
            add.append(def.after() == null ? " FIRST" : " AFTER " + SqlNames.quote(kind, def.after()));
        }
        parts.add(add.toString());
        parts.add(keyIndex(snapshotId, key));
        String match = key.stream().map(k -> "s." + SqlNames.quote(kind, k) + " = " + qt + "." + SqlNames.quote(kind, k))
                .collect(Collectors.joining(" AND "));
        parts.add("UPDATE " + qt + " SET " + qc + " = (SELECT s." + qc + " FROM " + qs + " s WHERE " + match + ")");
        if (def.notNull()) {
            parts.add(switch (kind) {
                case MYSQL -> "ALTER TABLE " + qt + " MODIFY " + qc + " " + def.type() + " NOT NULL"
                        + (def.defaultSql() == null ? "" : " DEFAULT " + def.defaultSql());
                default -> "ALTER TABLE " + qt + " ALTER COLUMN " + qc + " SET NOT NULL";
            });
        }
        return parts;
    }

    /**
     * The index on a snapshot's key, built by the restore rather than with the snapshot: the copy
     * before the destructive statement stays a plain {@code CREATE TABLE ... AS SELECT}, and the
     * restore looks each row up by key instead of scanning the snapshot once per row.
     */
    private String keyIndex(String snapshotId, List<String> key) {
        return "CREATE INDEX IF NOT EXISTS " + SqlNames.quote(kind, snapshotId + "_k") + " ON "
                + SqlNames.quote(kind, snapshotId) + " (" + key.stream().map(k -> SqlNames.quote(kind, k))
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String snapshotId() {
        byte[] b = new byte[8];
        ThreadLocalRandom.current().nextBytes(b);
        return "drm_snap_" + HexFormat.of().formatHex(b);
    }

    static String abbreviate(String sql) {
        String one = sql.replaceAll("\\s+", " ").strip();
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }
}
