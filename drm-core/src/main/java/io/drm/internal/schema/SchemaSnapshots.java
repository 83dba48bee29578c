package io.drm.internal.schema;

import io.drm.internal.DatabaseKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code drm_schema_snapshot}: the expected schema after each successful release (release id,
 * SHA-256, canonical JSON), created on first use. The release engine calls {@link #record} right
 * after the ledger records a successful release; up-to-date startups never take a snapshot.
 */
public final class SchemaSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.drift");

    /** A recorded snapshot. @param releaseId the release @param snapshot the snapshot */
    public record Recorded(String releaseId, SchemaSnapshot snapshot) {
    }

    private SchemaSnapshots() {
    }

    /**
     * Takes and records the snapshot after a successful release. A failure is logged as a warning
     * and does not fail the release (it is already applied and recorded); drift detection then
     * compares with the previous snapshot.
     *
     * @param c an auto-commit connection to the released schema
     * @param kind its kind
     * @param releaseId the release
     * @return whether the snapshot was recorded
     */
    public static boolean record(Connection c, DatabaseKind kind, String releaseId) {
        long started = System.nanoTime();
        try {
            SchemaSnapshot snapshot = SchemaSnapshot.take(c, kind);
            ensureTable(c, kind);
            long seq;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM drm_schema_snapshot")) {
                rs.next();
                seq = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO drm_schema_snapshot (release_id, seq,"
                    + " recorded_at, sha256, snapshot) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, releaseId);
                ps.setLong(2, seq);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.setString(4, snapshot.sha256());
                ps.setString(5, snapshot.json());
                ps.executeUpdate();
            }
            LOG.debug("release {} - schema snapshot {} recorded in {} ms", releaseId, snapshot.sha256(),
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("release {} - the schema snapshot for drift detection could not be recorded in"
                    + " drm_schema_snapshot: {}", releaseId, e.getMessage());
            return false;
        }
    }

    /**
     * Reads the latest recorded snapshot.
     *
     * @param c a connection
     * @return the latest, or empty when none was recorded (or the table does not exist)
     */
    public static Optional<Recorded> latest(Connection c) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT release_id, sha256, snapshot FROM drm_schema_snapshot ORDER BY seq DESC")) {
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Recorded(rs.getString(1), new SchemaSnapshot(rs.getString(3),
                        rs.getString(2)))) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    static void ensureTable(Connection c, DatabaseKind kind) throws SQLException {
        String text = kind == DatabaseKind.MYSQL ? "LONGTEXT" : kind == DatabaseKind.POSTGRESQL ? "TEXT" : "CLOB";
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS drm_schema_snapshot (release_id VARCHAR(36) NOT NULL PRIMARY KEY,"
                    + " seq BIGINT NOT NULL, recorded_at " + kind.timestampType() + " NOT NULL, sha256 VARCHAR(64) NOT NULL,"
                    + " snapshot " + text + " NOT NULL)");
        }
    }
}
