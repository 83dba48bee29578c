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
import java.util.Collections;
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
        return new Rows("SELECT " + COLUMNS + " FROM drm_audit_log ORDER BY seq", List.of());
    }

    /**
     * Which rows to read, by their side columns; a null or empty part selects every row.
     *
     * @param fromMs smallest {@code event_time_ms}, or null
     * @param untilMs {@code event_time_ms} below this, or null
     * @param actions the {@code action} values, or empty for any
     * @param environment the {@code environment}, or null
     * @param releaseId the {@code release_id}, or null
     */
    public record Selection(Long fromMs, Long untilMs, List<String> actions, String environment, String releaseId) {
    }

    /**
     * Streams the rows whose side columns match, in sequence order. The conditions go to the
     * database as bound parameters; the entries themselves are not compared with the columns here
     * ({@link #columnMismatch} does that for the verifier).
     *
     * @param selection which rows
     * @return the entries
     * @throws IOException if the table cannot be read
     */
    public EntrySource entries(Selection selection) throws IOException {
        List<String> where = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (selection.fromMs() != null) {
            where.add("event_time_ms >= ?");
            parameters.add(selection.fromMs());
        }
        if (selection.untilMs() != null) {
            where.add("event_time_ms < ?");
            parameters.add(selection.untilMs());
        }
        if (!selection.actions().isEmpty()) {
            where.add("action IN (" + String.join(", ", Collections.nCopies(selection.actions().size(), "?"))
                    + ")");
            parameters.addAll(selection.actions());
        }
        if (selection.environment() != null) {
            where.add("environment = ?");
            parameters.add(selection.environment());
        }
        if (selection.releaseId() != null) {
            where.add("release_id = ?");
            parameters.add(selection.releaseId());
        }
        return new Rows("SELECT " + COLUMNS + " FROM drm_audit_log"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY seq", parameters);
    }

    @Override
    public List<byte[]> canonical(long fromSeq, int count, long hint) throws IOException {
        List<byte[]> out = new ArrayList<>(count);
        try (Rows rows = new Rows("SELECT " + COLUMNS + " FROM drm_audit_log WHERE seq >= ? AND seq < ? ORDER BY seq",
                List.of(fromSeq, fromSeq + count))) {
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

        Rows(String sql, List<?> parameters) throws IOException {
            Connection c = null;
            PreparedStatement ps = null;
            boolean restore = true;
            try {
                c = dataSource.getConnection();
                restore = c.getAutoCommit();
                c.setAutoCommit(false);
                ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                ps.setFetchSize(1000);
                for (int i = 0; i < parameters.size(); i++) {
                    Object p = parameters.get(i);
                    if (p instanceof Long n) {
                        ps.setLong(i + 1, n);
                    } else {
                        ps.setString(i + 1, (String) p);
                    }
                }
                this.rs = ps.executeQuery();
                this.autoCommit = restore;
                this.connection = c;
                this.statement = ps;
            } catch (SQLException e) {
                abandon(c, ps, restore);
                throw new IOException("cannot read drm_audit_log: " + e.getMessage(), e);
            }
        }

        @Override
        public byte[] entryBytes() {
            return entryBytes == null ? null : entryBytes.clone();
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

    /** Gives back a connection whose read failed to start: rolls back, restores auto-commit, closes. */
    private static void abandon(Connection c, PreparedStatement ps, boolean autoCommit) {
        if (ps != null) {
            try {
                ps.close();
            } catch (SQLException e) {
                // secondary
            }
        }
        if (c != null) {
            try {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                // secondary: the connection is closed below
            }
        }
        closeQuietly(c);
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
