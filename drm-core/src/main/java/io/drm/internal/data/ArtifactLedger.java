package io.drm.internal.data;

import io.drm.ArtifactVersion;
import io.drm.internal.DatabaseKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * {@code drm_artifact}: one row an applied artifact (name, version, sha256, kind, table, rows
 * inserted/updated/deleted, release, time, source), written in the step's own transaction.
 */
public final class ArtifactLedger {

    /** The table's name. */
    public static final String TABLE = "drm_artifact";

    private ArtifactLedger() {
    }

    /**
     * Creates {@code drm_artifact} unless it exists. Called at the start of a step, before any row is
     * written: on H2 and MySQL/MariaDB the DDL commits an (empty) transaction.
     *
     * @param c the connection
     * @param kind the database kind
     * @throws SQLException if the database fails
     */
    public static void ensureTable(Connection c, DatabaseKind kind) throws SQLException {
        if (TableInfo.find(c, kind, TABLE) != null) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (name VARCHAR(200) NOT NULL, version VARCHAR(50) NOT NULL,"
                    + " sha256 VARCHAR(64) NOT NULL, kind VARCHAR(10) NOT NULL, table_name VARCHAR(200),"
                    + " rows_inserted BIGINT NOT NULL, rows_updated BIGINT NOT NULL, rows_deleted BIGINT NOT NULL,"
                    + " release_id VARCHAR(36), source VARCHAR(1000) NOT NULL, loaded_at " + kind.timestampType()
                    + " NOT NULL, PRIMARY KEY (name, version))");
        }
    }

    /**
     * Records a loaded artifact.
     *
     * @param c the step's connection
     * @param version the artifact's version
     * @param kind {@code DATA} or {@code CONFIG}
     * @param counts what the load did
     * @param releaseId the release
     * @param source the file's path in its location
     * @param at the time
     * @throws SQLException if the database fails
     */
    public static void record(Connection c, ArtifactVersion version, String kind, ArtifactLoader.Counts counts,
            String releaseId, String source, Instant at) throws SQLException {
        // A version loaded again after a rollback undid its step replaces the earlier record.
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE name = ? AND version = ?")) {
            ps.setString(1, version.name());
            ps.setString(2, version.version());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (name, version, sha256, kind,"
                + " table_name, rows_inserted, rows_updated, rows_deleted, release_id, source, loaded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, version.name());
            ps.setString(2, version.version());
            ps.setString(3, version.sha256());
            ps.setString(4, kind);
            ps.setString(5, counts.table());
            ps.setLong(6, counts.inserted());
            ps.setLong(7, counts.updated());
            ps.setLong(8, counts.deleted());
            ps.setString(9, releaseId);
            ps.setString(10, source);
            ps.setTimestamp(11, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /**
     * Reads the hash recorded for an artifact version.
     *
     * @param c a connection
     * @param name the artifact's name
     * @param version its version
     * @return the hex SHA-256, or {@code null}
     */
    public static String recordedSha256(Connection c, String name, String version) {
        try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM " + TABLE + " WHERE name = ? AND version = ?")) {
            ps.setString(1, name);
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            return null;
        }
    }
}
