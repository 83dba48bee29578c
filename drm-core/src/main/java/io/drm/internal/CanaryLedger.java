package io.drm.internal;

import io.drm.internal.data.TableInfo;
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
 * The canaries' record in the release's database, {@code drm_canary}: one row a canary, written
 * {@code RUNNING} before it releases and finished as {@code PASSED}, {@code ROLLED_BACK},
 * {@code FAILED} (the release itself failed) or {@code INTERRUPTED} (found running by the next
 * canary while nobody held the canary lock: its process died inside the window).
 */
final class CanaryLedger {

    /** A canary recorded as running. */
    record Running(String canaryId, String previousVersion, String releasedVersion) {
    }

    private final DatabaseKind kind;

    CanaryLedger(DatabaseKind kind) {
        this.kind = kind;
    }

    boolean exists(Connection c) throws SQLException {
        return TableInfo.find(c, kind, "drm_canary") != null;
    }

    void ensureTable(Connection c) throws SQLException {
        if (exists(c)) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS drm_canary (canary_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " status VARCHAR(20) NOT NULL, previous_version VARCHAR(50) NOT NULL,"
                    + " released_version VARCHAR(50), live_version VARCHAR(50), config_store VARCHAR(300),"
                    + " started_at " + kind.timestampType() + " NOT NULL, finished_at " + kind.timestampType()
                    + ", failure VARCHAR(1000))");
        }
    }

    void start(Connection c, String id, String previous, String store, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drm_canary (canary_id, status, previous_version,"
                + " config_store, started_at) VALUES (?, 'RUNNING', ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, previous);
            ps.setString(3, cut(store, 300));
            ps.setTimestamp(4, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    void released(Connection c, String id, String released) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE drm_canary SET released_version = ? WHERE canary_id = ?")) {
            ps.setString(1, released);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    void finish(Connection c, String id, String status, String live, String failure, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE drm_canary SET status = ?, live_version = ?,"
                + " failure = ?, finished_at = ? WHERE canary_id = ?")) {
            ps.setString(1, status);
            ps.setString(2, live);
            ps.setString(3, failure == null ? null : cut(failure, 1000));
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, id);
            ps.executeUpdate();
        }
    }

    List<Running> running(Connection c) throws SQLException {
        List<Running> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT canary_id, previous_version,"
                + " released_version FROM drm_canary WHERE status = 'RUNNING' ORDER BY started_at, canary_id")) {
            while (rs.next()) {
                out.add(new Running(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return out;
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
