package io.drm.audit.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables of the JDBC audit log and the statements on them: {@code drm_audit_log} (one row an
 * entry), {@code drm_audit_checkpoint} (signed checkpoints) and {@code drm_audit_head} (one row: the
 * chain head and Merkle frontier, locked by every append transaction).
 */
public final class AuditTables {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTables.class);

    /** Insert of one checkpoint. */
    public static final String INSERT_CHECKPOINT = "INSERT INTO drm_audit_checkpoint (tree_size, root_hash, cp_time,"
            + " key_id, signature, state) VALUES (?, ?, ?, ?, ?, ?)";

    /**
     * @param rows how many rows the statement inserts
     * @return a multi-row insert of entries, nine parameters a row
     */
    public static String insertEntries(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO drm_audit_log (seq, event_id, event_time_ms, action,"
                + " environment, release_id, prev_hash, entry_hash, entry) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    /**
     * Moves the head only if it is still at {@code expectedSeq}; the update locks the row either way.
     *
     * @param c a connection in a transaction
     * @param head the new head
     * @param expectedSeq the sequence number the head must still have
     * @return whether the head was moved
     * @throws SQLException if the update fails
     */
    public static boolean moveHead(Connection c, Head head, long expectedSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_HEAD + " AND seq = ?")) {
            ps.setLong(1, head.seq());
            ps.setString(2, head.state());
            ps.setLong(3, head.checkpointSize());
            ps.setLong(4, head.checkpointTimeMs());
            ps.setLong(5, expectedSeq);
            return ps.executeUpdate() == 1;
        }
    }

    /** Reads and locks the head row. */
    public static final String LOCK_HEAD = "SELECT seq, state, cp_size, cp_time_ms FROM drm_audit_head WHERE id = 1"
            + " FOR UPDATE";

    /** Moves the head. */
    public static final String UPDATE_HEAD = "UPDATE drm_audit_head SET seq = ?, state = ?, cp_size = ?, cp_time_ms = ?"
            + " WHERE id = 1";

    /** The head row as read under its lock. */
    public record Head(long seq, String state, long checkpointSize, long checkpointTimeMs) {
    }

    private AuditTables() {
    }

    /**
     * Creates the tables and the head row unless they exist. Safe when several processes open the
     * log at once: a creation that loses a race is checked again and accepted.
     *
     * @param c a connection in auto-commit mode
     * @throws SQLException if the tables cannot be created
     */
    public static void create(Connection c) throws SQLException {
        String product = product(c);
        boolean mysql = isMySql(product);
        String text = product.contains("postgres") ? "TEXT" : mysql ? "LONGTEXT" : "CLOB";
        String suffix = mysql ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin" : "";
        createTable(c, "drm_audit_log", "CREATE TABLE IF NOT EXISTS drm_audit_log (seq BIGINT NOT NULL PRIMARY KEY,"
                + " event_id VARCHAR(255) NOT NULL, event_time_ms BIGINT NOT NULL, action VARCHAR(255) NOT NULL,"
                + " environment VARCHAR(255) NOT NULL, release_id VARCHAR(255), prev_hash CHAR(64) NOT NULL,"
                + " entry_hash CHAR(64) NOT NULL, entry " + text + " NOT NULL)" + suffix);
        createIndex(c, "CREATE INDEX IF NOT EXISTS drm_audit_log_time ON drm_audit_log (event_time_ms)");
        createIndex(c, "CREATE INDEX IF NOT EXISTS drm_audit_log_release ON drm_audit_log (release_id)");
        createTable(c, "drm_audit_checkpoint", "CREATE TABLE IF NOT EXISTS drm_audit_checkpoint (tree_size BIGINT NOT NULL"
                + " PRIMARY KEY, root_hash CHAR(64) NOT NULL, cp_time VARCHAR(40) NOT NULL, key_id VARCHAR(64),"
                + " signature VARCHAR(200), state " + text + " NOT NULL)" + suffix);
        createTable(c, "drm_audit_head", "CREATE TABLE IF NOT EXISTS drm_audit_head (id INT NOT NULL PRIMARY KEY,"
                + " seq BIGINT NOT NULL, state " + text + " NOT NULL, cp_size BIGINT NOT NULL,"
                + " cp_time_ms BIGINT NOT NULL)" + suffix);
        if (!headExists(c)) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO drm_audit_head (id, seq, state, cp_size,"
                    + " cp_time_ms) VALUES (1, 0, ?, 0, 0)")) {
                ps.setString(1, ChainState.empty().encode());
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!headExists(c)) {
                    throw e;
                }
                LOG.debug("another writer created the audit head row first");
            }
        }
    }

    private static void createTable(Connection c, String table, String ddl) throws SQLException {
        if (exists(c, table)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute(ddl);
            LOG.info("created audit table {}", table);
        } catch (SQLException e) {
            // Two processes creating the same table at once: PostgreSQL can fail the loser even with
            // IF NOT EXISTS. Accept the table if it is there now.
            if (!exists(c, table)) {
                throw e;
            }
        }
    }

    private static void createIndex(Connection c, String ddl) {
        try (Statement s = c.createStatement()) {
            s.execute(ddl);
        } catch (SQLException e) {
            LOG.debug("index not created ({}); queries still work, only slower", e.getMessage());
        }
    }

    private static boolean headExists(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM drm_audit_head WHERE id = 1")) {
            return rs.next() && rs.getLong(1) == 1;
        }
    }

    /**
     * @param c a connection
     * @param table a table name in lower case
     * @return whether the table exists in the connection's current schema
     * @throws SQLException if the metadata cannot be read
     */
    public static boolean exists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        boolean mysql = isMySql(product(c));
        String catalog = mysql ? c.getCatalog() : null;
        String schema = mysql ? null : c.getSchema();
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet rs = md.getTables(catalog, schema, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String product(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    }

    private static boolean isMySql(String product) {
        return product.contains("mysql") || product.contains("mariadb");
    }

    /**
     * Reads and locks the head row; the lock holds until the transaction ends.
     *
     * @param c a connection in a transaction
     * @return the head
     * @throws SQLException if it cannot be read, or the row is missing
     */
    public static Head lockHead(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(LOCK_HEAD)) {
            if (!rs.next()) {
                throw new SQLException("the head row of drm_audit_head is missing");
            }
            return new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4));
        }
    }

    /**
     * @param c a connection
     * @param head the new head
     * @throws SQLException if it cannot be written
     */
    public static void updateHead(Connection c, Head head) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPDATE_HEAD)) {
            ps.setLong(1, head.seq());
            ps.setString(2, head.state());
            ps.setLong(3, head.checkpointSize());
            ps.setLong(4, head.checkpointTimeMs());
            if (ps.executeUpdate() != 1) {
                throw new SQLException("the head row of drm_audit_head is missing");
            }
        }
    }
}
