package io.drm.audit.internal;

import io.drm.audit.Checkpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** A log in {@code drm_audit_log} with checkpoints in {@code drm_audit_checkpoint}. */
public final class TableLogStore implements LogStore {

    private static final String COLUMNS = "seq, event_id, event_time_ms, action, environment, release_id, prev_hash,"
            + " entry_hash, entry";

    private final DataSource dataSource;

    /** @param dataSource the database */
    public TableLogStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "drm_audit_log";
    }

    @Override
    public boolean hasColumns() {
        return true;
    }

    @Override
    public EntrySource entries() throws IOException {
        return new Rows("SELECT " + COLUMNS + " FROM drm_audit_log ORDER BY seq", -1, -1);
    }

    @Override
    public List<byte[]> canonical(long fromSeq, int count, long hint) throws IOException {
        List<byte[]> out = new ArrayList<>(count);
        try (Rows rows = new Rows("SELECT " + COLUMNS + " FROM drm_audit_log WHERE seq >= ? AND seq < ? ORDER BY seq",
                fromSeq, fromSeq + count)) {
            EntrySource.Item item;
            while ((item = rows.next()) != null) {
                if (item.parsed() == null || item.parsed().seq() != fromSeq + out.size()) {
                    throw new IOException("entry " + (fromSeq + out.size()) + " is missing or malformed");
                }
                out.add(rows.entryBytes);
            }
        }
        if (out.size() != count) {
            throw new IOException("the table holds fewer entries than it did when indexed");
        }
        return out;
    }

    @Override
    public long hint(EntrySource source) {
        return -1;
    }

    @Override
    public List<Checkpoint> checkpoints() throws IOException {
        List<Checkpoint> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT tree_size, root_hash, cp_time, key_id, signature"
                        + " FROM drm_audit_checkpoint ORDER BY tree_size");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    out.add(new Checkpoint(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)),
                            rs.getString(4), rs.getString(5)));
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new IOException("checkpoint row " + rs.getLong(1) + " is malformed: " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot read drm_audit_checkpoint: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public String columnMismatch(EntrySource source, EntryCodec.Parsed parsed) {
        Rows rows = (Rows) source;
        EntryCodec.Parsed full = parsed;
        if (full.event() == null) {
            try {
                full = rows.codec.parse(rows.entryBytes);
            } catch (MalformedEntryException e) {
                return "the entry does not parse";
            }
        }
        var e = full.event();
        if (rows.seq != full.seq()) {
            return "seq " + rows.seq;
        }
        if (!Objects.equals(rows.eventId, e.id())) {
            return "event_id";
        }
        if (rows.timeMs != e.time().toEpochMilli()) {
            return "event_time_ms";
        }
        if (!Objects.equals(rows.action, e.action())) {
            return "action";
        }
        if (!Objects.equals(rows.environment, e.environment())) {
            return "environment";
        }
        if (!Objects.equals(rows.releaseId, e.details().get("releaseId"))) {
            return "release_id";
        }
        if (!Objects.equals(rows.prevHash, full.prevHash()) || !Objects.equals(rows.entryHash, full.storedHash())) {
            return "prev_hash or entry_hash";
        }
        return null;
    }

    /** Streams rows with a fetch size. */
    private final class Rows implements EntrySource {
        private final Connection connection;
        private final boolean autoCommit;
        private final PreparedStatement statement;
        private final ResultSet rs;
        final EntryCodec codec = new EntryCodec();
        private long position;
        long seq;
        String eventId;
        long timeMs;
        String action;
        String environment;
        String releaseId;
        String prevHash;
        String entryHash;
        byte[] entryBytes;

        Rows(String sql, long from, long to) throws IOException {
            Connection c = null;
            try {
                c = dataSource.getConnection();
                autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                ps.setFetchSize(1000);
                if (from >= 0) {
                    ps.setLong(1, from);
                    ps.setLong(2, to);
                }
                this.connection = c;
                this.statement = ps;
                this.rs = ps.executeQuery();
            } catch (SQLException e) {
                closeQuietly(c);
                throw new IOException("cannot read drm_audit_log: " + e.getMessage(), e);
            }
        }

        @Override
        public Item next() throws IOException {
            try {
                if (!rs.next()) {
                    return null;
                }
                seq = rs.getLong(1);
                eventId = rs.getString(2);
                timeMs = rs.getLong(3);
                action = rs.getString(4);
                environment = rs.getString(5);
                releaseId = rs.getString(6);
                prevHash = rs.getString(7);
                entryHash = rs.getString(8);
                String entry = rs.getString(9);
                entryBytes = entry == null ? new byte[0] : entry.getBytes(StandardCharsets.UTF_8);
            } catch (SQLException e) {
                throw new IOException("cannot read drm_audit_log: " + e.getMessage(), e);
            }
            position++;
            String location = "drm_audit_log seq " + seq;
            EntryCodec.Parsed quick = codec.quickCheck(entryBytes, 0, entryBytes.length);
            if (quick != null) {
                return new Item(location, position, quick, null, seq);
            }
            try {
                return new Item(location, position, codec.parse(entryBytes), null, seq);
            } catch (MalformedEntryException e) {
                return new Item(location, position, null, e.getMessage(), seq);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                rs.close();
                statement.close();
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                throw new IOException("closing a read of drm_audit_log failed: " + e.getMessage(), e);
            } finally {
                closeQuietly(connection);
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // secondary
            }
        }
    }
}
