package io.drm.internal;

import io.drm.ReleaseStep;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * drm's record of releases: {@code drm_release} (one row a release) and {@code drm_release_step}
 * (one row a step). Tables are created on first use, under the release lock.
 */
public final class Ledger {

    /** Status of a release that applied its steps. */
    public static final String SUCCEEDED = "SUCCEEDED";
    /** Status of a release check that found nothing to do and recorded the state it saw. */
    public static final String UP_TO_DATE = "UP_TO_DATE";
    /** Status of a release that is running (or died while running). */
    public static final String RUNNING = "RUNNING";
    /** Status of a release that failed. */
    public static final String FAILED = "FAILED";
    /** Status of a release found still running by a later release: its process died mid-release. */
    public static final String ABANDONED = "ABANDONED";
    /** Status of a rollback that undid its steps. */
    public static final String ROLLBACK = "ROLLBACK";
    /** Status of a step that a rollback undid, or that a failed release's compensation reversed. */
    public static final String UNDONE = "UNDONE";

    private final DatabaseKind kind;

    /**
     * Creates a ledger for a database kind.
     *
     * @param kind the kind
     */
    public Ledger(DatabaseKind kind) {
        this.kind = kind;
    }

    /**
     * Returns the database kind.
     *
     * @return the kind
     */
    public DatabaseKind kind() {
        return kind;
    }

    /**
     * The latest release that left the database in a known state.
     *
     * @param releaseId the release's id
     * @param contentHash the content hash of the locations it saw
     * @param stamp the stamp (sizes and times) of the locations it saw
     * @param historyFingerprint the fingerprint of Flyway's history after it
     * @param toVersion the schema version after it
     */
    public record Head(String releaseId, String contentHash, String stamp, String historyFingerprint,
            String toVersion) {
    }

    /**
     * One step as recorded.
     *
     * @param step the step
     * @param status APPLIED, FAILED, ROLLED_BACK or NOT_RUN
     * @param durationMillis how long it ran, or {@code null}
     * @param error the error, or {@code null}
     */
    public record StepRecord(ReleaseStep step, String status, Long durationMillis, String error) {
    }

    /**
     * Creates drm's ledger tables if they do not exist.
     *
     * @param connection an auto-commit connection
     * @throws SQLException if the database fails
     */
    public void ensureTables(Connection connection) throws SQLException {
        String ts = kind.timestampType();
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS drm_release ("
                    + "id VARCHAR(36) NOT NULL PRIMARY KEY, seq BIGINT NOT NULL, plan_id VARCHAR(64) NOT NULL,"
                    + " environment VARCHAR(100) NOT NULL, actor VARCHAR(200) NOT NULL, status VARCHAR(20) NOT NULL,"
                    + " from_version VARCHAR(50), to_version VARCHAR(50), content_hash VARCHAR(64),"
                    + " location_stamp VARCHAR(64), history_fingerprint VARCHAR(200), step_count INT NOT NULL, started_at " + ts + " NOT NULL,"
                    + " finished_at " + ts + ", error_code VARCHAR(20), error_message VARCHAR(2000))");
            st.execute("CREATE TABLE IF NOT EXISTS drm_release_step ("
                    + "release_id VARCHAR(36) NOT NULL, step_no INT NOT NULL, version VARCHAR(50),"
                    + " description VARCHAR(200) NOT NULL, kind VARCHAR(20) NOT NULL, source VARCHAR(1000) NOT NULL,"
                    + " checksum VARCHAR(100) NOT NULL, status VARCHAR(20) NOT NULL, duration_ms BIGINT,"
                    + " error_message VARCHAR(2000), PRIMARY KEY (release_id, step_no))");
        }
    }

    /**
     * Reads the latest release that left a known state, if the ledger exists.
     *
     * @param connection an auto-commit connection
     * @return the head, or empty when there is no ledger or no such release
     */
    public Optional<Head> head(Connection connection) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, content_hash, location_stamp,"
                + " history_fingerprint, to_version FROM drm_release WHERE status IN (?, ?) ORDER BY seq DESC")) {
            ps.setMaxRows(1);
            ps.setString(1, SUCCEEDED);
            ps.setString(2, UP_TO_DATE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Head(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty(); // no ledger yet: the full path decides
        }
    }

    /**
     * Marks releases still {@code RUNNING} as {@code ABANDONED}. Called under the release lock, so
     * any such release belongs to a process that died before it could record its end.
     *
     * @param connection an auto-commit connection
     * @param now the time to record
     * @return how many releases were marked
     * @throws SQLException if the database fails
     */
    public int abandonRunning(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE drm_release SET status = ?, finished_at = ?,"
                + " error_message = ? WHERE status = ?")) {
            ps.setString(1, ABANDONED);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, "the release did not record its end (its process stopped); a later release found it"
                    + " under the release lock. Check flyway_schema_history for what it applied.");
            ps.setString(4, RUNNING);
            return ps.executeUpdate();
        }
    }

    /**
     * Records the start of a release.
     *
     * @param connection an auto-commit connection, used under the release lock
     * @param row the release
     * @throws SQLException if the database fails
     */
    public void begin(Connection connection, ReleaseRow row) throws SQLException {
        long seq;
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM drm_release")) {
            rs.next();
            seq = rs.getLong(1);
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO drm_release (id, seq, plan_id,"
                + " environment, actor, status, from_version, to_version, content_hash, location_stamp,"
                + " history_fingerprint, step_count, started_at, finished_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, row.releaseId());
            ps.setLong(2, seq);
            ps.setString(3, row.planId());
            ps.setString(4, truncate(row.environment(), 100));
            ps.setString(5, truncate(row.actor(), 200));
            ps.setString(6, row.status());
            ps.setString(7, row.fromVersion());
            ps.setString(8, row.toVersion());
            ps.setString(9, row.contentHash());
            ps.setString(10, row.stamp());
            ps.setString(11, row.historyFingerprint());
            ps.setInt(12, row.stepCount());
            ps.setTimestamp(13, Timestamp.from(row.startedAt()));
            setTimestamp(ps, 14, row.finishedAt());
            ps.executeUpdate();
        }
    }

    /**
     * Records the end of a release and its steps.
     *
     * @param connection an auto-commit connection
     * @param releaseId the release
     * @param status {@link #SUCCEEDED} or {@link #FAILED}
     * @param toVersion the version after the release
     * @param historyFingerprint the fingerprint of Flyway's history after the release
     * @param finishedAt when it ended
     * @param errorCode the error code, or {@code null}
     * @param errorMessage the error, or {@code null}
     * @param steps the steps
     * @throws SQLException if the database fails
     */
    public void finish(Connection connection, String releaseId, String status, String toVersion,
            String historyFingerprint, Instant finishedAt, String errorCode, String errorMessage,
            List<StepRecord> steps) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE drm_release SET status = ?, to_version = ?,"
                + " history_fingerprint = ?, finished_at = ?, error_code = ?, error_message = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, toVersion);
            ps.setString(3, historyFingerprint);
            ps.setTimestamp(4, Timestamp.from(finishedAt));
            ps.setString(5, errorCode);
            ps.setString(6, truncate(errorMessage, 2000));
            ps.setString(7, releaseId);
            ps.executeUpdate();
        }
        if (steps.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO drm_release_step (release_id, step_no,"
                + " version, description, kind, source, checksum, status, duration_ms, error_message)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int no = 0;
            for (StepRecord record : steps) {
                ReleaseStep step = record.step();
                ps.setString(1, releaseId);
                ps.setInt(2, ++no);
                ps.setString(3, step.version());
                ps.setString(4, truncate(step.description(), 200));
                ps.setString(5, step.kind().name());
                ps.setString(6, truncate(step.source(), 1000));
                ps.setString(7, step.checksum());
                ps.setString(8, record.status());
                if (record.durationMillis() == null) {
                    ps.setNull(9, Types.BIGINT);
                } else {
                    ps.setLong(9, record.durationMillis());
                }
                ps.setString(10, truncate(record.error(), 2000));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Finds the content checksum a step had when drm last applied it.
     *
     * @param connection an auto-commit connection
     * @param version the step's version
     * @return the checksum ({@code sha256:...}) or empty when drm never applied it
     */
    public Optional<String> appliedChecksum(Connection connection, String version) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT s.checksum FROM drm_release_step s"
                + " JOIN drm_release r ON r.id = s.release_id WHERE s.version = ? AND s.status = 'APPLIED'"
                + " ORDER BY r.seq DESC")) {
            ps.setMaxRows(1);
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * A release as listed for rollback planning.
     *
     * @param releaseId the id
     * @param seq the sequence number
     * @param status the status
     * @param fromVersion the version before it
     * @param startedAt when it started
     */
    public record ReleaseInfo(String releaseId, long seq, String status, String fromVersion, Instant startedAt) {
    }

    /**
     * Lists the releases, newest first.
     *
     * @param connection a connection
     * @return the releases; empty when there is no ledger
     */
    public List<ReleaseInfo> releases(Connection connection) {
        List<ReleaseInfo> out = new java.util.ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT id, seq, status,"
                + " from_version, started_at FROM drm_release ORDER BY seq DESC")) {
            while (rs.next()) {
                out.add(new ReleaseInfo(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()));
            }
        } catch (SQLException e) {
            return List.of();
        }
        return out;
    }

    /**
     * Lists the versions a release applied, in the order it applied them.
     *
     * @param connection a connection
     * @param releaseId the release
     * @return the versions of its steps with status APPLIED
     * @throws SQLException if the database fails
     */
    public List<String> appliedVersions(Connection connection, String releaseId) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT version FROM drm_release_step WHERE"
                + " release_id = ? AND status = 'APPLIED' AND version IS NOT NULL ORDER BY step_no")) {
            ps.setString(1, releaseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * Finds the latest release that applied a version.
     *
     * @param connection a connection
     * @param version the version
     * @return the release id, or empty when drm never applied it
     */
    public Optional<String> releaseThatApplied(Connection connection, String version) {
        try (PreparedStatement ps = connection.prepareStatement("SELECT r.id FROM drm_release_step s"
                + " JOIN drm_release r ON r.id = s.release_id WHERE s.version = ? AND s.status = 'APPLIED'"
                + " ORDER BY r.seq DESC")) {
            ps.setMaxRows(1);
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * Lists releases still marked RUNNING: under the release lock, their processes died.
     *
     * @param connection a connection
     * @return their ids, oldest first; empty when there is no ledger
     */
    public List<ReleaseInfo> running(Connection connection) {
        List<ReleaseInfo> out = new java.util.ArrayList<>();
        for (ReleaseInfo r : releases(connection)) {
            if (RUNNING.equals(r.status())) {
                out.add(0, r);
            }
        }
        return out;
    }

    /**
     * Marks one release as abandoned, with what was found and done.
     *
     * @param connection a connection
     * @param releaseId the release
     * @param now the time
     * @param message what remains of it
     * @throws SQLException if the database fails
     */
    public void abandon(Connection connection, String releaseId, Instant now, String message) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE drm_release SET status = ?, finished_at = ?,"
                + " error_message = ? WHERE id = ?")) {
            ps.setString(1, ABANDONED);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, truncate(message, 2000));
            ps.setString(4, releaseId);
            ps.executeUpdate();
        }
    }

    private static void setTimestamp(PreparedStatement ps, int index, Instant time) throws SQLException {
        if (time == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.from(time));
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /**
     * A release row as first written.
     *
     * @param releaseId id
     * @param planId plan id
     * @param environment environment
     * @param actor actor
     * @param status status
     * @param fromVersion version before
     * @param toVersion version after (target)
     * @param contentHash content hash of the locations
     * @param stamp stamp of the locations
     * @param historyFingerprint fingerprint of Flyway's history (before; updated at the end)
     * @param stepCount number of planned steps
     * @param startedAt start
     * @param finishedAt end, or {@code null} while running
     */
    public record ReleaseRow(String releaseId, String planId, String environment, String actor, String status,
            String fromVersion, String toVersion, String contentHash, String stamp, String historyFingerprint,
            int stepCount,
            Instant startedAt, Instant finishedAt) {
    }
}
