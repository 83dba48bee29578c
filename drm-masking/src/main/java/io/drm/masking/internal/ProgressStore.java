package io.drm.masking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The table {@code drm_masking_progress}: one row per job and table with the last key committed,
 * the rows done and a status. An in-place job updates its row in the same transaction as each
 * batch of rows, so the row always names exactly the rows that are masked.
 */
public final class ProgressStore {

    /** The table's name. */
    public static final String TABLE = "drm_masking_progress";
    /** A table the job has started and not finished. */
    public static final String RUNNING = "RUNNING";
    /** A table the job has finished. */
    public static final String DONE = "DONE";
    /** A table on which the job failed; its last key still names what is masked. */
    public static final String FAILED = "FAILED";

    /**
     * One row.
     *
     * @param lastKey the JSON of the last key committed, or {@code null} before the first batch
     * @param rowsDone the rows masked so far, over all runs
     * @param status {@link #RUNNING}, {@link #DONE} or {@link #FAILED}
     */
    public record Row(String lastKey, long rowsDone, String status) {
        /** @return whether the table is finished */
        public boolean done() {
            return DONE.equals(status);
        }
    }

    private final Dialect dialect;

    /** @param dialect the database's dialect */
    public ProgressStore(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Creates the table if it does not exist.
     *
     * @param c an auto-commit connection
     * @throws SQLException if the database fails
     */
    public void ensureTable(Connection c) throws SQLException {
        // Concurrent first jobs race to create the table; H2 may then report "already exists"
        // despite IF NOT EXISTS, so retry a few times.
        for (int attempt = 1; ; attempt++) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (job_id VARCHAR(200) NOT NULL,"
                        + " table_name VARCHAR(200) NOT NULL, last_key " + dialect.textType() + ","
                        + " rows_done BIGINT NOT NULL, status VARCHAR(16) NOT NULL, updated_at "
                        + dialect.timestampType() + " NOT NULL, PRIMARY KEY (job_id, table_name))");
                return;
            } catch (SQLException e) {
                if (attempt >= 5) {
                    throw e;
                }
                try {
                    Thread.sleep(10L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Reads a table's row.
     *
     * @param c a connection
     * @param jobId the job
     * @param table the table
     * @param forUpdate whether to lock the row until the transaction ends
     * @return the row, or empty when the job never started the table
     * @throws SQLException if the database fails
     */
    public Optional<Row> read(Connection c, String jobId, String table, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_key, rows_done, status FROM " + TABLE
                + " WHERE job_id = ? AND table_name = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, jobId);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getLong(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Inserts a table's first row ({@link #RUNNING}, no key, no rows) unless it exists.
     *
     * @param c an auto-commit connection
     * @param jobId the job
     * @param table the table
     * @param now the time
     * @throws SQLException if the database fails
     */
    public void insertIfAbsent(Connection c, String jobId, String table, Instant now) throws SQLException {
        if (read(c, jobId, table, false).isPresent()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                + " (job_id, table_name, last_key, rows_done, status, updated_at) VALUES (?, ?, NULL, 0, ?, ?)")) {
            ps.setString(1, jobId);
            ps.setString(2, table);
            ps.setString(3, RUNNING);
            ps.setObject(4, utc(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e; // not "another run inserted it first"
            }
        }
    }

    /**
     * Records a table's progress, in the caller's transaction.
     *
     * @param c the connection of the batch's transaction
     * @param jobId the job
     * @param table the table
     * @param row the new state
     * @param now the time
     * @throws SQLException if the database fails
     */
    public void update(Connection c, String jobId, String table, Row row, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE
                + " SET last_key = ?, rows_done = ?, status = ?, updated_at = ? WHERE job_id = ? AND table_name = ?")) {
            ps.setString(1, row.lastKey());
            ps.setLong(2, row.rowsDone());
            ps.setString(3, row.status());
            ps.setObject(4, utc(now));
            ps.setString(5, jobId);
            ps.setString(6, table);
            if (ps.executeUpdate() != 1) {
                throw new SQLException("the progress row of job " + jobId + ", table " + table + " is missing");
            }
        }
    }

    /**
     * Marks a table failed, keeping its key and rows (best effort, own transaction).
     *
     * @param c a connection, rolled back before
     * @param jobId the job
     * @param table the table
     * @param now the time
     * @throws SQLException if the database fails
     */
    public void markFailed(Connection c, String jobId, String table, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE
                + " SET status = ?, updated_at = ? WHERE job_id = ? AND table_name = ? AND status <> ?")) {
            ps.setString(1, FAILED);
            ps.setObject(2, utc(now));
            ps.setString(3, jobId);
            ps.setString(4, table);
            ps.setString(5, DONE);
            ps.executeUpdate();
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
