package io.drm.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * drm's record of how to reverse what a release executed: {@code drm_undo} holds, for every
 * statement of every step, the statements that reverse it (or why none can), written on the
 * migration's own connection just before the statement runs, so that on PostgreSQL it commits or
 * rolls back with the step and on H2 and MySQL/MariaDB it is committed before the DDL it reverses.
 * {@code drm_snapshot} lists the safety snapshots (copies of data a statement destroys) that the
 * undo statements read from.
 */
final class UndoLog {

    /** The undo of one statement part. */
    static final String UNDO = "UNDO";
    /** A statement that has no generated undo; {@code sql} says why. */
    static final String IRREVERSIBLE = "IRREVERSIBLE";
    /** A row change that has no generated undo, which a rolled-back transaction still reverses. */
    static final String IRREVERSIBLE_DML = "IRREVERSIBLE_DML";
    /**
     * A row change on a table created earlier in the same release; {@code sql} holds the version that
     * created it, whose undo (dropping the table) also undoes this.
     */
    static final String COVERED = "COVERED";
    /** The start of a step: every step a release began has one, so its history rows can be found. */
    static final String STEP = "STEP";
    /**
     * Before an H2 {@code ALTER TABLE} that H2 carries out through a copy of the table: what recovery
     * needs to find that copy if the process dies mid-statement ({@link H2Copies}); not an undo.
     */
    static final String H2_COPY = "H2_COPY";
    /** A snapshot that is kept. */
    static final String KEPT = "KEPT";
    /** A snapshot whose table was dropped. */
    static final String PURGED = "PURGED";

    /**
     * One row of {@code drm_undo}.
     *
     * @param releaseId the release that executed the statement
     * @param version the step's version
     * @param statementNo the statement's number in the release (1, 2, ...)
     * @param partNo the part of its undo (undo parts run in order)
     * @param kind {@link #UNDO} or {@link #IRREVERSIBLE}
     * @param sql the undo statement, or the reason it has none
     * @param snapshotId the snapshot it reads from, or {@code null}
     */
    record Entry(String releaseId, String version, int statementNo, int partNo, String kind, String sql,
            String snapshotId) {
    }

    /**
     * One safety snapshot.
     *
     * @param id the snapshot table's name
     * @param releaseId the release that took it
     * @param version the step whose statement it precedes
     * @param table the table whose data it holds
     * @param column the column it holds (with the key), or {@code null} for the whole table
     * @param rows how many rows it holds
     * @param createdAt when it was taken
     * @param status {@link #KEPT} or {@link #PURGED}
     */
    record Snapshot(String id, String releaseId, String version, String table, String column, long rows,
            Instant createdAt, String status) {
    }

    private final DatabaseKind kind;

    UndoLog(DatabaseKind kind) {
        this.kind = kind;
    }

    void ensureTables(Connection c) throws SQLException {
        String ts = kind.timestampType();
        String text = kind == DatabaseKind.MYSQL ? "MEDIUMTEXT" : kind == DatabaseKind.POSTGRESQL ? "TEXT"
                : "CHARACTER LARGE OBJECT";
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS drm_undo (release_id VARCHAR(36) NOT NULL, version VARCHAR(50),"
                    + " statement_no INT NOT NULL, part_no INT NOT NULL, kind VARCHAR(20) NOT NULL,"
                    + " undo_sql " + text + " NOT NULL, snapshot_id VARCHAR(64),"
                    + " PRIMARY KEY (release_id, statement_no, part_no))");
            st.execute("CREATE TABLE IF NOT EXISTS drm_snapshot (id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " release_id VARCHAR(36) NOT NULL, version VARCHAR(50), table_name VARCHAR(200) NOT NULL,"
                    + " column_name VARCHAR(200), row_count BIGINT NOT NULL, created_at " + ts + " NOT NULL,"
                    + " status VARCHAR(20) NOT NULL)");
        }
    }

    void append(Connection c, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drm_undo (release_id, version, statement_no,"
                + " part_no, kind, undo_sql, snapshot_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Entry e : entries) {
                ps.setString(1, e.releaseId());
                ps.setString(2, e.version());
                ps.setInt(3, e.statementNo());
                ps.setInt(4, e.partNo());
                ps.setString(5, e.kind());
                ps.setString(6, e.sql());
                ps.setString(7, e.snapshotId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    void recordSnapshot(Connection c, Snapshot s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drm_snapshot (id, release_id, version,"
                + " table_name, column_name, row_count, created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.id());
            ps.setString(2, s.releaseId());
            ps.setString(3, s.version());
            ps.setString(4, s.table());
            ps.setString(5, s.column());
            ps.setLong(6, s.rows());
            ps.setTimestamp(7, Timestamp.from(s.createdAt()));
            ps.setString(8, s.status());
            ps.executeUpdate();
        }
    }

    /** The undo entries of a release, optionally of one version, in the order they were written. */
    List<Entry> entries(Connection c, String releaseId, String version) throws SQLException {
        String sql = "SELECT release_id, version, statement_no, part_no, kind, undo_sql, snapshot_id FROM drm_undo"
                + " WHERE release_id = ?" + (version == null ? "" : " AND version = ?")
                + " ORDER BY statement_no, part_no";
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, releaseId);
            if (version != null) {
                ps.setString(2, version);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                            rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** The next free statement number of a release. */
    int nextStatementNo(Connection c, String releaseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(statement_no), 0) + 1 FROM drm_undo"
                + " WHERE release_id = ?")) {
            ps.setString(1, releaseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    List<Snapshot> snapshots(Connection c) throws SQLException {
        List<Snapshot> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, release_id, version,"
                + " table_name, column_name, row_count, created_at, status FROM drm_snapshot"
                + " ORDER BY created_at, id")) {
            while (rs.next()) {
                out.add(new Snapshot(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getTimestamp(7).toInstant(), rs.getString(8)));
            }
        }
        return out;
    }

    /** Drops a snapshot's table and marks it purged. */
    void purge(Connection c, String id) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + SqlNames.quote(kind, id));
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE drm_snapshot SET status = ? WHERE id = ?")) {
            ps.setString(1, PURGED);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    /** Whether the table exists, so a ledger read can tell "no undo log yet" from a failure. */
    static boolean exists(Connection c, DatabaseKind kind) throws SQLException {
        return SqlNames.table(c, kind, "drm_undo").isPresent();
    }
}
