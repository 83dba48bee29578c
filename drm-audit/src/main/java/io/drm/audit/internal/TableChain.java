package io.drm.audit.internal;

import io.drm.audit.AuditSigningKey;
import io.drm.audit.AuditStoreException;
import io.drm.audit.Checkpoint;
import io.drm.spi.AuditEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactions of a JDBC audit log ({@code drm_audit_log}): a batch of entries sealed on top of
 * the head row and committed with it, checkpoints, and the head's check when the log is opened.
 *
 * <p>Not thread-safe: the sink calls it from one thread at a time (its writer lock), and keeps the
 * head it last committed to skip reading it again.
 */
public final class TableChain {

    private static final Logger LOG = LoggerFactory.getLogger(TableChain.class);
    private static final int ROWS_PER_INSERT = 16;

    private final DataSource dataSource;
    private final String where;
    private final AuditSigningKey signingKey;
    private final CheckpointPolicy checkpoints;
    private final Clock clock;
    private final EntryCodec codec = new EntryCodec();
    private final AtomicLong transactions = new AtomicLong();

    // The head row as this chain last committed or read it, and its decoded chain state: the
    // optimistic append path starts from it, and an unchanged head is not decoded again.
    private AuditTables.Head cachedHead;
    private ChainState cachedState;

    /**
     * Opens the log: creates the tables unless they exist and checks the head against the log.
     *
     * @param dataSource the database
     * @param signingKey the key for checkpoints, or null
     * @param checkpoints when a checkpoint is due, checked at each batch
     * @param clock the clock for checkpoints
     * @throws AuditStoreException if the tables cannot be created or the head disagrees with the log
     */
    public TableChain(DataSource dataSource, AuditSigningKey signingKey, CheckpointPolicy checkpoints,
            Clock clock) {
        this.dataSource = dataSource;
        this.signingKey = signingKey;
        this.checkpoints = checkpoints;
        this.clock = clock;
        String described;
        try (Connection c = dataSource.getConnection()) {
            described = describe(c);
            boolean autoCommit = c.getAutoCommit();
            try {
                c.setAutoCommit(true);
                AuditTables.create(c);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new AuditStoreException("cannot open the audit log drm_audit_log: " + e.getMessage()
                    + ". Check that the database is reachable and the user may create tables (or create them as"
                    + " docs/audit.md shows).", e);
        }
        this.where = described;
        reconcileHead();
    }

    /** @return the database product and schema, for messages */
    public String where() {
        return where;
    }

    /** @return the number of append transactions committed */
    public long transactions() {
        return transactions.get();
    }

    /**
     * @return the newest checkpoint, written now if entries were appended since the last one
     * @throws AuditStoreException if it cannot be written or read
     */
    public Checkpoint latestCheckpoint() {
        return inTransaction("write a checkpoint to drm_audit_checkpoint", c -> {
            AuditTables.Head head = AuditTables.lockHead(c);
            ChainState state = state(head);
            if (head.checkpointSize() != head.seq() || head.seq() == 0 && !hasCheckpoint(c, 0)) {
                Checkpoint cp = insertCheckpoint(c, state);
                AuditTables.updateHead(c, new AuditTables.Head(head.seq(), head.state(), head.seq(),
                        cp.time().toEpochMilli()));
                cachedHead = null;
                return cp;
            }
            return readCheckpoint(c, head.seq());
        });
    }

    /**
     * @return the number of entries in the log, as its head says
     * @throws AuditStoreException if the head cannot be read
     */
    public long size() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT seq FROM drm_audit_head WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the head row of drm_audit_head is missing");
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AuditStoreException("cannot read the head of the audit log in " + where + ": "
                    + e.getMessage(), e);
        }
    }

    /** A batch sealed on top of a head: the entries, the checkpoint if one is due, and the new head. */
    private record Prepared(ChainState state, List<EntryCodec.Sealed> sealed, Checkpoint checkpoint,
            AuditTables.Head head) {
    }

    private Prepared prepare(List<AuditEvent> batch, AuditTables.Head head, ChainState base) {
        ChainState state = base.copy();
        List<EntryCodec.Sealed> sealed = new ArrayList<>(batch.size());
        for (AuditEvent event : batch) {
            EntryCodec.Sealed s = state.seal(codec, event);
            state.advance(s);
            sealed.add(s);
        }
        long cpSize = head.checkpointSize();
        long cpTimeMs = head.checkpointTimeMs();
        long now = clock.millis();
        if (cpTimeMs == 0) {
            cpTimeMs = now; // the interval runs from the log's first append
        }
        Checkpoint cp = null;
        if (checkpoints.due(state.seq() - cpSize, Duration.ofMillis(now - cpTimeMs))) {
            cp = Checkpoint.create(state.seq(), state.root(), clock.instant(), signingKey);
            cpSize = state.seq();
            cpTimeMs = cp.time().toEpochMilli();
        }
        return new Prepared(state, sealed, cp, new AuditTables.Head(state.seq(), state.encode(), cpSize, cpTimeMs));
    }

    /**
     * Writes a batch in one transaction. When this chain wrote the head last, it moves the head with
     * one conditional update (which also locks the row) instead of reading it first; if another
     * writer moved it meanwhile, that update changes nothing and the batch is written again after
     * reading and locking the head.
     *
     * @param batch the events, in order
     * @throws AuditStoreException if the transaction failed: nothing of it was recorded
     */
    public void append(List<AuditEvent> batch) {
        try {
            Prepared done = null;
            AuditTables.Head known = cachedHead;
            if (known != null) {
                ChainState base = cachedState;
                done = inTransaction("append to drm_audit_log", c -> {
                    Prepared p = prepare(batch, known, base);
                    if (!AuditTables.moveHead(c, p.head(), known.seq())) {
                        return null; // another writer moved the head: nothing written, take the locking path
                    }
                    write(c, batch, p);
                    return p;
                });
            }
            if (done == null) {
                done = inTransaction("append to drm_audit_log", c -> {
                    AuditTables.Head head = AuditTables.lockHead(c);
                    Prepared p = prepare(batch, head, state(head));
                    write(c, batch, p);
                    AuditTables.updateHead(c, p.head());
                    return p;
                });
            }
            cachedHead = done.head();
            cachedState = done.state();
            transactions.incrementAndGet();
        } catch (AuditStoreException e) {
            forget();
            LOG.error("audit log drm_audit_log in {}: {} events not recorded: {}", where, batch.size(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            forget();
            throw new AuditStoreException("cannot append to drm_audit_log in " + where + ": " + e
                    + ". Nothing of this transaction was recorded.", e);
        }
    }

    private void forget() {
        cachedHead = null;
        cachedState = null;
    }

    private void write(Connection c, List<AuditEvent> batch, Prepared p) throws SQLException {
        insertEntries(c, batch, p.sealed());
        if (p.checkpoint() != null) {
            insertCheckpoint(c, p.checkpoint(), p.state());
        }
    }

    /**
     * Inserts entries as a JDBC batch of {@value #ROWS_PER_INSERT}-row INSERTs, then a batch of
     * single-row ones for the rest: two statement texts only, so drivers that cache prepared
     * statements per connection (PostgreSQL's) parse and plan each once, not once per batch size.
     */
    private static void insertEntries(Connection c, List<AuditEvent> batch, List<EntryCodec.Sealed> sealed)
            throws SQLException {
        int full = sealed.size() / ROWS_PER_INSERT;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(AuditTables.insertEntries(ROWS_PER_INSERT))) {
                for (int chunk = 0; chunk < full; chunk++) {
                    int k = 1;
                    for (int i = chunk * ROWS_PER_INSERT; i < (chunk + 1) * ROWS_PER_INSERT; i++) {
                        k = bind(ps, k, batch.get(i), sealed.get(i));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (full * ROWS_PER_INSERT < sealed.size()) {
            try (PreparedStatement ps = c.prepareStatement(AuditTables.insertEntries(1))) {
                for (int i = full * ROWS_PER_INSERT; i < sealed.size(); i++) {
                    bind(ps, 1, batch.get(i), sealed.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static int bind(PreparedStatement ps, int k, AuditEvent e, EntryCodec.Sealed s) throws SQLException {
        ps.setLong(k++, s.seq());
        ps.setString(k++, e.id());
        ps.setLong(k++, e.time().toEpochMilli());
        ps.setString(k++, e.action());
        ps.setString(k++, e.environment());
        ps.setString(k++, e.details().get("releaseId"));
        ps.setString(k++, java.util.HexFormat.of().formatHex(s.prevHash()));
        ps.setString(k++, java.util.HexFormat.of().formatHex(s.hash()));
        ps.setString(k++, new String(s.canonical(), StandardCharsets.UTF_8));
        return k;
    }

    private Checkpoint insertCheckpoint(Connection c, ChainState state) throws SQLException {
        Checkpoint cp = Checkpoint.create(state.seq(), state.root(), clock.instant(), signingKey);
        insertCheckpoint(c, cp, state);
        return cp;
    }

    private static void insertCheckpoint(Connection c, Checkpoint cp, ChainState state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(AuditTables.INSERT_CHECKPOINT)) {
            ps.setLong(1, cp.treeSize());
            ps.setString(2, cp.rootHash());
            ps.setString(3, cp.time().toString());
            ps.setString(4, cp.keyId());
            ps.setString(5, cp.signature());
            ps.setString(6, state.encode());
            ps.executeUpdate();
        }
    }

    private static boolean hasCheckpoint(Connection c, long treeSize) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM drm_audit_checkpoint WHERE tree_size = ?")) {
            ps.setLong(1, treeSize);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    private static Checkpoint readCheckpoint(Connection c, long treeSize) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT tree_size, root_hash, cp_time, key_id, signature"
                + " FROM drm_audit_checkpoint WHERE tree_size = ?")) {
            ps.setLong(1, treeSize);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("drm_audit_head names a checkpoint at tree size " + treeSize
                            + " that drm_audit_checkpoint does not hold");
                }
                return new Checkpoint(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)), rs.getString(4),
                        rs.getString(5));
            }
        }
    }

    /** The head's chain state, decoded only when the head is not the one this chain last saw. */
    private ChainState state(AuditTables.Head head) throws SQLException {
        if (cachedHead != null && head.state().equals(cachedHead.state())) {
            return cachedState;
        }
        ChainState state;
        try {
            state = ChainState.decode(head.state());
        } catch (IllegalArgumentException e) {
            throw new SQLException("the head row of drm_audit_head does not hold a chain state");
        }
        if (state.seq() != head.seq()) {
            throw new SQLException("drm_audit_head is inconsistent (seq " + head.seq() + ", state at " + state.seq() + ")");
        }
        cachedHead = head;
        cachedState = state;
        return state;
    }

    /**
     * Checks, under the head lock, that the head agrees with the last row of the log; rebuilds a
     * head that is still empty from a log that is not (a log written before the head table existed,
     * or whose head row was deleted).
     */
    private void reconcileHead() {
        inTransaction("check the head of drm_audit_log", c -> {
            AuditTables.Head head = AuditTables.lockHead(c);
            long maxSeq = 0;
            String lastHash = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, entry_hash FROM drm_audit_log"
                    + " WHERE seq = (SELECT MAX(seq) FROM drm_audit_log)");
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    maxSeq = rs.getLong(1);
                    lastHash = rs.getString(2);
                }
            }
            ChainState state = state(head);
            if (head.seq() == 0 && maxSeq > 0) {
                ChainState rebuilt = rebuild();
                AuditTables.updateHead(c, new AuditTables.Head(rebuilt.seq(), rebuilt.encode(), 0, 0));
                forget();
                LOG.warn("audit log drm_audit_log in {} had no head; rebuilt it from {} entries", where,
                        rebuilt.seq());
                return null;
            }
            if (maxSeq != head.seq()
                    || maxSeq > 0 && !java.util.HexFormat.of().formatHex(state.lastHash()).equals(lastHash)) {
                throw new HeadMismatch("the head of the audit log says " + head.seq() + " entries, but the last"
                        + " row of drm_audit_log is seq " + maxSeq
                        + (maxSeq == head.seq() ? " with another hash" : "")
                        + ": the table was changed outside the sink. Run AuditVerifier.forTable(...) on it and"
                        + " keep it as evidence; the sink writes no more to it");
            }
            return null;
        });
    }

    /** Streams the log once and returns its chain state, checking that every entry links to the one before. */
    private ChainState rebuild() throws SQLException {
        ChainState state = ChainState.empty();
        try (EntrySource rows = new TableLogStore(dataSource).entries()) {
            EntrySource.Item item;
            while ((item = rows.next()) != null) {
                EntryCodec.Parsed p = item.parsed();
                if (p == null || !p.selfConsistent() || p.seq() != state.seq() + 1
                        || !p.prevHash().equals(java.util.HexFormat.of().formatHex(state.lastHash()))) {
                    throw new HeadMismatch("drm_audit_log does not verify at " + item.location()
                            + ", so its head cannot be rebuilt. Run AuditVerifier.forTable(...) on it and keep it as"
                            + " evidence; the sink writes no more to it");
                }
                state.advance(p.seq(), java.util.HexFormat.of().parseHex(p.storedHash()), p.leafHash());
            }
        } catch (IOException e) {
            throw new SQLException("cannot read drm_audit_log: " + e.getMessage(), e);
        }
        return state;
    }

    /** A head that disagrees with the log: not a connection problem, reported as it is. */
    private static final class HeadMismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HeadMismatch(String message) {
            super(message, null, false, false);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        Connection c = null;
        boolean autoCommit = true;
        try {
            c = dataSource.getConnection();
            autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException e) {
            rollbackQuietly(c);
            throw new AuditStoreException("cannot " + what + " in " + where + ": " + e.getMessage()
                    + ". Nothing of this transaction was recorded; check the database and that the audit tables"
                    + " exist (the sink creates them when it opens), then retry.", e);
        } catch (HeadMismatch e) {
            rollbackQuietly(c);
            throw new AuditStoreException(e.getMessage());
        } catch (RuntimeException e) {
            rollbackQuietly(c);
            throw e;
        } finally {
            if (c != null) {
                try {
                    c.setAutoCommit(autoCommit);
                } catch (SQLException e) {
                    LOG.debug("restoring auto-commit failed", e);
                }
                try {
                    c.close();
                } catch (SQLException e) {
                    LOG.debug("closing a connection failed", e);
                }
            }
        }
    }

    private static void rollbackQuietly(Connection c) {
        if (c != null) {
            try {
                c.rollback();
            } catch (SQLException e) {
                LOG.debug("rollback failed", e);
            }
        }
    }

    static String describe(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        String schema = null;
        try {
            schema = c.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            // not supported: leave it out
        }
        if (schema == null || schema.isEmpty()) {
            schema = c.getCatalog();
        }
        return product + (schema == null ? "" : "/" + schema);
    }

}
