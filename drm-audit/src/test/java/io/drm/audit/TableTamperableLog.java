package io.drm.audit;

import io.drm.audit.internal.EntryCodec;
import io.drm.audit.internal.MalformedEntryException;
import io.drm.testing.DbKind;
import io.drm.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A log in {@code drm_audit_log} that the tamper suite rewrites with SQL, as an attacker with
 * write access to the table would: row {@code i} gets {@code seq = i} and side columns that agree
 * with the JSON it holds, so only the sealed content can tell.
 */
final class TableTamperableLog implements TamperableLog {

    private final TestDatabase db;

    TableTamperableLog(DbKind kind) {
        this.db = TestDatabase.create(kind);
        String text = switch (kind) {
            case H2 -> "CLOB";
            case POSTGRESQL -> "TEXT";
            case MARIADB -> "LONGTEXT";
        };
        db.execute("CREATE TABLE IF NOT EXISTS drm_audit_log (seq BIGINT PRIMARY KEY, event_id VARCHAR(64) NOT NULL,"
                + " event_time_ms BIGINT NOT NULL, action VARCHAR(128) NOT NULL, environment VARCHAR(128) NOT NULL,"
                + " release_id VARCHAR(64), prev_hash CHAR(64) NOT NULL, entry_hash CHAR(64) NOT NULL,"
                + " entry " + text + " NOT NULL)");
        db.execute("CREATE TABLE IF NOT EXISTS drm_audit_checkpoint (tree_size BIGINT PRIMARY KEY,"
                + " root_hash CHAR(64) NOT NULL, cp_time VARCHAR(40) NOT NULL, key_id VARCHAR(64),"
                + " signature VARCHAR(200), state " + text + " NOT NULL)");
    }

    @Override
    public String describe() {
        return "table on " + db.kind();
    }

    @Override
    public List<String> entries() {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT entry FROM drm_audit_log ORDER BY seq")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public void rewrite(List<String> entries) {
        EntryCodec codec = new EntryCodec();
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM drm_audit_log");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO drm_audit_log (seq, event_id, event_time_ms,"
                    + " action, environment, release_id, prev_hash, entry_hash, entry) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < entries.size(); i++) {
                    EntryCodec.Parsed p = codec.parse(entries.get(i).getBytes(StandardCharsets.UTF_8));
                    ps.setLong(1, i + 1);
                    ps.setString(2, p.event().id());
                    ps.setLong(3, p.event().time().toEpochMilli());
                    ps.setString(4, p.event().action());
                    ps.setString(5, p.event().environment());
                    ps.setString(6, p.event().details().get("releaseId"));
                    ps.setString(7, p.prevHash());
                    ps.setString(8, p.storedHash());
                    ps.setString(9, entries.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException | MalformedEntryException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Checkpoint> checkpoints() {
        return List.copyOf(readCheckpoints());
    }

    private List<Checkpoint> readCheckpoints() {
        List<Checkpoint> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT tree_size, root_hash, cp_time, key_id, signature"
                        + " FROM drm_audit_checkpoint ORDER BY tree_size")) {
            while (rs.next()) {
                out.add(new Checkpoint(rs.getLong(1), rs.getString(2), java.time.Instant.parse(rs.getString(3)),
                        rs.getString(4), rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public void rewriteCheckpoints(List<Checkpoint> checkpoints) {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM drm_audit_checkpoint");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO drm_audit_checkpoint (tree_size, root_hash,"
                    + " cp_time, key_id, signature, state) VALUES (?,?,?,?,?,'')")) {
                for (Checkpoint cp : checkpoints) {
                    ps.setLong(1, cp.treeSize());
                    ps.setString(2, cp.rootHash());
                    ps.setString(3, cp.time().toString());
                    ps.setString(4, cp.keyId());
                    ps.setString(5, cp.signature());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param sql an attacker's statement against the table */
    void execute(String sql) {
        db.execute(sql);
    }

    @Override
    public AuditVerifier verifier() {
        return AuditVerifier.forTable(db.dataSource());
    }

    @Override
    public void close() {
        db.close();
    }
}
