package io.drm.audit;

import io.drm.audit.internal.AuditTables;
import io.drm.audit.internal.ChainState;
import io.drm.audit.internal.EntryCodec;
import io.drm.audit.internal.EntrySource;
import io.drm.audit.internal.Hex;
import io.drm.audit.internal.TableLogStore;
import io.drm.spi.AuditCheckpoint;
import io.drm.spi.AuditEvent;
import io.drm.spi.AuditSink;
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
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tamper-evident audit log in the table {@code drm_audit_log}, for H2, PostgreSQL and
 * MySQL/MariaDB: each row holds one entry's canonical JSON (the same Elastic Common Schema shape as
 * {@link JsonLinesAuditSink}), hash-chained to the one before; signed Merkle checkpoints go to
 * {@code drm_audit_checkpoint}. The tables are created on first use.
 *
 * <pre>{@code
 * try (JdbcAuditSink audit = JdbcAuditSink.builder(dataSource)
 *         .signingKey(AuditSigningKey.fromPemFile(Path.of("/etc/app/audit-key.pem")))
 *         .build()) {
 *     DataRelease.configure().dataSource(dataSource).locations("classpath:db/release").auditSink(audit).onStartup();
 * }
 * }</pre>
 *
 * <p>Many writers, one chain: every append transaction locks the single row of
 * {@code drm_audit_head} ({@code SELECT ... FOR UPDATE}), which holds the chain head and Merkle
 * frontier, so threads and processes writing to one database form one gap-free sequence and one
 * unforked chain; the primary key on {@code seq} refuses a fork even if that lock were bypassed.
 *
 * <p>Group commit: appends from concurrent threads are written together, up to
 * {@link Builder#maxBatch} entries in one transaction; {@link #append} returns once its entry is
 * committed, and {@link #appendAll} writes a list in as few transactions as the batch size allows.
 *
 * <p>Failures: an append that cannot be committed (a dropped table, a lost connection, a full
 * disk) throws {@link AuditStoreException} and records nothing; since the head is re-read in every
 * transaction, the sink goes on once the database is back. When a connection is lost during the
 * commit itself, the database may or may not have the entries; the chain stays whole either way.
 * The release engine, whose audit is fail-closed, does not start a release it cannot audit.
 *
 * <p>Thread-safe. The data source should be a pool; the sink borrows one connection per
 * transaction and gives it back.
 */
public final class JdbcAuditSink implements AuditSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuditSink.class);

    private static final int ROWS_PER_INSERT = 100;

    private final DataSource dataSource;
    private final AuditSigningKey signingKey;
    private final long checkpointEvery;
    private final Duration checkpointInterval;
    private final int maxBatch;
    private final Clock clock;
    private final EntryCodec codec = new EntryCodec();
    private final ReentrantLock writer = new ReentrantLock();
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private final String where;

    // Guarded by writer: the last head this sink committed or read, to skip decoding it again.
    private String cachedEncoded;
    private ChainState cachedState;
    // Guarded by writer: the head row as this sink last committed it, for the optimistic path.
    private AuditTables.Head cachedHead;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicLong transactions = new java.util.concurrent.atomic.AtomicLong();

    /** An event waiting for its transaction. */
    private static final class Pending {
        final AuditEvent event;
        final CountDownLatch done = new CountDownLatch(1);
        volatile RuntimeException failure;

        Pending(AuditEvent event) {
            this.event = event;
        }

        void finish(RuntimeException failure) {
            this.failure = failure;
            done.countDown();
        }
    }

    private JdbcAuditSink(Builder b) {
        this.dataSource = b.dataSource;
        this.signingKey = b.signingKey;
        this.checkpointEvery = b.checkpointEvery;
        this.checkpointInterval = b.checkpointInterval;
        this.maxBatch = b.maxBatch;
        this.clock = b.clock;
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
        this.writerThread = new Thread(this::writeLoop, "drm-audit-jdbc-writer");
        writerThread.setDaemon(true);
        writerThread.start();
        LOG.debug("audit log drm_audit_log opened in {}", where);
    }

    /**
     * Opens the log in a database with the defaults of {@link #builder(DataSource)}, without a
     * signing key.
     *
     * @param dataSource the database (a pool)
     * @return the sink
     * @throws AuditStoreException if the tables cannot be created or the log's head disagrees with it
     */
    public static JdbcAuditSink create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * @param dataSource the database (a pool)
     * @return a builder with checkpoints every 10,000 events or minute and batches of up to 500
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Appends one event; returns once it is committed.
     *
     * @param event the event
     * @throws AuditStoreException if it could not be committed (nothing was recorded), or the sink is closed
     */
    @Override
    public void append(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        usable();
        Pending p = new Pending(event);
        queue.add(p);
        await(p);
        if (p.failure != null) {
            throw new AuditStoreException(p.failure.getMessage(), p.failure);
        }
    }

    /**
     * Appends events in order, in as few transactions as the batch size allows; returns once all
     * are committed. Events of other threads may be interleaved between transactions.
     *
     * @param events the events
     * @throws AuditStoreException if a transaction could not be committed: the events before it are
     *     recorded, it and the ones after are not, and the message says how many were recorded
     */
    public void appendAll(List<AuditEvent> events) {
        Objects.requireNonNull(events, "events");
        usable();
        List<Pending> mine = new ArrayList<>(events.size());
        for (AuditEvent e : events) {
            mine.add(new Pending(Objects.requireNonNull(e, "event")));
        }
        queue.addAll(mine);
        for (Pending p : mine) {
            await(p);
        }
        for (int i = 0; i < mine.size(); i++) {
            RuntimeException failure = mine.get(i).failure;
            if (failure != null) {
                throw new AuditStoreException(failure.getMessage() + " (" + i + " of " + mine.size()
                        + " events were recorded before the failure)", failure);
            }
        }
    }

    /** Every append has committed when it returns: nothing to do. */
    @Override
    public void flush() {
        usable();
    }

    /**
     * Writes a checkpoint of the log (signed when the sink has a key), unless the last one already
     * covers every entry.
     *
     * @return the checkpoint
     * @throws AuditStoreException if it cannot be written
     */
    @Override
    public Optional<AuditCheckpoint> checkpoint() {
        return Optional.of(latestCheckpoint().toAuditCheckpoint());
    }

    /**
     * @return the newest checkpoint, written now if entries were appended since the last one
     * @throws AuditStoreException if it cannot be written or read
     */
    public Checkpoint latestCheckpoint() {
        usable();
        return latestCheckpoint0();
    }

    private Checkpoint latestCheckpoint0() {
        writer.lock();
        try {
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
        } finally {
            writer.unlock();
        }
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

    /**
     * Writes a last checkpoint when entries were appended since the last one, and refuses further
     * events. The data source is not closed. Safe to call twice.
     *
     * @throws AuditStoreException if the last checkpoint cannot be written
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writerThread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        latestCheckpoint0();
    }

    /** @return the number of append transactions this sink committed (for tests of group commit) */
    long transactions() {
        return transactions.get();
    }

    @Override
    public String toString() {
        return "JdbcAuditSink[drm_audit_log in " + where + "]";
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * The writer thread: takes whatever is queued (up to maxBatch), writes it in one transaction,
     * and wakes the callers; while it writes, new appends queue up for the next transaction.
     */
    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (true) {
            Pending first;
            try {
                first = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (first == null) {
                if (closed) {
                    break;
                }
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            writer.lock();
            try {
                writeBatch(batch);
            } finally {
                writer.unlock();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.finish(closedFailure());
        }
    }

    /** Waits for an entry's transaction; an interrupt is kept for the caller, not acted on, as the entry may be written. */
    private void await(Pending p) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (p.done.await(100, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                if (!writerThread.isAlive() && queue.remove(p)) {
                    p.finish(closedFailure());
                    return;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private AuditStoreException closedFailure() {
        return new AuditStoreException("the audit sink for drm_audit_log in " + where + " is closed; the event was not"
                + " recorded");
    }

    /** A batch sealed on top of a head: the entries, the checkpoint if one is due, and the new head. */
    private record Prepared(ChainState state, List<EntryCodec.Sealed> sealed, Checkpoint checkpoint,
            AuditTables.Head head) {
    }

    private Prepared prepare(List<Pending> batch, AuditTables.Head head, ChainState base) {
        ChainState state = base.copy();
        List<EntryCodec.Sealed> sealed = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            EntryCodec.Sealed s = state.seal(codec, p.event);
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
        if (state.seq() - cpSize >= checkpointEvery || now - cpTimeMs >= checkpointInterval.toMillis()) {
            cp = Checkpoint.create(state.seq(), state.root(), clock.instant(), signingKey);
            cpSize = state.seq();
            cpTimeMs = cp.time().toEpochMilli();
        }
        return new Prepared(state, sealed, cp, new AuditTables.Head(state.seq(), state.encode(), cpSize, cpTimeMs));
    }

    /**
     * Writes a batch in one transaction and marks every entry of it done, with or without failure.
     * When this sink wrote the head last, it moves the head with one conditional update (which also
     * locks the row) instead of reading it first; if another writer moved it meanwhile, that update
     * changes nothing and the batch is written again after reading and locking the head.
     */
    private void writeBatch(List<Pending> batch) {
        try {
            Prepared done = null;
            AuditTables.Head known = cachedHead;
            if (known != null && known.state().equals(cachedEncoded)) {
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
            cachedEncoded = done.head().state();
            cachedState = done.state();
            cachedHead = done.head();
            transactions.incrementAndGet();
        } catch (AuditStoreException e) {
            forget();
            for (Pending p : batch) {
                p.failure = e;
            }
            LOG.error("audit log drm_audit_log in {}: {} events not recorded: {}", where, batch.size(), e.getMessage());
        } catch (RuntimeException e) {
            forget();
            AuditStoreException failure = new AuditStoreException("cannot append to drm_audit_log in " + where + ": "
                    + e + ". Nothing of this transaction was recorded.", e);
            for (Pending p : batch) {
                p.failure = failure;
            }
        } finally {
            for (Pending p : batch) {
                p.finish(p.failure);
            }
        }
    }

    private void forget() {
        cachedEncoded = null;
        cachedState = null;
        cachedHead = null;
    }

    private void write(Connection c, List<Pending> batch, Prepared p) throws SQLException {
        insertEntries(c, batch, p.sealed());
        if (p.checkpoint() != null) {
            insertCheckpoint(c, p.checkpoint(), p.state());
        }
    }

    /** Inserts entries with multi-row INSERT statements of up to {@value #ROWS_PER_INSERT} rows. */
    private void insertEntries(Connection c, List<Pending> batch, List<EntryCodec.Sealed> sealed) throws SQLException {
        for (int from = 0; from < sealed.size(); from += ROWS_PER_INSERT) {
            int n = Math.min(ROWS_PER_INSERT, sealed.size() - from);
            try (PreparedStatement ps = c.prepareStatement(AuditTables.insertEntries(n))) {
                int k = 1;
                for (int i = from; i < from + n; i++) {
                    EntryCodec.Sealed s = sealed.get(i);
                    AuditEvent e = batch.get(i).event;
                    ps.setLong(k++, s.seq());
                    ps.setString(k++, e.id());
                    ps.setLong(k++, e.time().toEpochMilli());
                    ps.setString(k++, e.action());
                    ps.setString(k++, e.environment());
                    ps.setString(k++, e.details().get("releaseId"));
                    ps.setString(k++, Hex.encode(s.prevHash()));
                    ps.setString(k++, Hex.encode(s.hash()));
                    ps.setString(k++, new String(s.canonical(), StandardCharsets.UTF_8));
                }
                ps.executeUpdate();
            }
        }
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

    /** The head's chain state, decoded once per change of head. Call under {@link #writer}. */
    private ChainState state(AuditTables.Head head) throws SQLException {
        if (head.state().equals(cachedEncoded)) {
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
        cachedEncoded = head.state();
        cachedState = state;
        return state;
    }

    /**
     * Checks, under the head lock, that the head agrees with the last row of the log; rebuilds a
     * head that is still empty from a log that is not (a log written before the head table existed,
     * or whose head row was deleted).
     */
    private void reconcileHead() {
        writer.lock();
        try {
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
                    cachedEncoded = null;
                    cachedState = null;
                    LOG.warn("audit log drm_audit_log in {} had no head; rebuilt it from {} entries", where,
                            rebuilt.seq());
                    return null;
                }
                if (maxSeq != head.seq()
                        || maxSeq > 0 && !Hex.encode(state.lastHash()).equals(lastHash)) {
                    throw new HeadMismatch("the head of the audit log says " + head.seq() + " entries, but the last"
                            + " row of drm_audit_log is seq " + maxSeq
                            + (maxSeq == head.seq() ? " with another hash" : "")
                            + ": the table was changed outside the sink. Run AuditVerifier.forTable(...) on it and"
                            + " keep it as evidence; the sink writes no more to it");
                }
                return null;
            });
        } finally {
            writer.unlock();
        }
    }

    /** Streams the log once and returns its chain state, checking that every entry links to the one before. */
    private ChainState rebuild() throws SQLException {
        ChainState state = ChainState.empty();
        try (EntrySource rows = new TableLogStore(dataSource).entries()) {
            EntrySource.Item item;
            while ((item = rows.next()) != null) {
                EntryCodec.Parsed p = item.parsed();
                if (p == null || !p.selfConsistent() || p.seq() != state.seq() + 1
                        || !p.prevHash().equals(Hex.encode(state.lastHash()))) {
                    throw new HeadMismatch("drm_audit_log does not verify at " + item.location()
                            + ", so its head cannot be rebuilt. Run AuditVerifier.forTable(...) on it and keep it as"
                            + " evidence; the sink writes no more to it");
                }
                state.advance(p.seq(), Hex.decode(p.storedHash()), p.leafHash());
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

    private void usable() {
        if (closed) {
            throw new AuditStoreException("the audit sink for drm_audit_log in " + where + " is closed");
        }
    }

    private static String describe(Connection c) throws SQLException {
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

    /** Configures a {@link JdbcAuditSink}. Not thread-safe; {@link #build()} may be called again. */
    public static final class Builder {

        private final DataSource dataSource;
        private AuditSigningKey signingKey;
        private long checkpointEvery = 10_000;
        private Duration checkpointInterval = Duration.ofMinutes(1);
        private int maxBatch = 500;
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * @param key the key that signs checkpoints; without one, checkpoints are unsigned
         * @return this
         */
        public Builder signingKey(AuditSigningKey key) {
            this.signingKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * @param events write a checkpoint after this many events (at least 1)
         * @param interval or when this much time has passed since the last one, at the next append
         * @return this
         * @throws IllegalArgumentException if {@code events} is below 1 or the interval not positive
         */
        public Builder checkpointEvery(long events, Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (events < 1 || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("checkpoint every must be at least 1 event and a positive time");
            }
            this.checkpointEvery = events;
            this.checkpointInterval = interval;
            return this;
        }

        /**
         * @param entries the most entries written in one transaction (1 to 10,000)
         * @return this
         * @throws IllegalArgumentException if out of range
         */
        public Builder maxBatch(int entries) {
            if (entries < 1 || entries > 10_000) {
                throw new IllegalArgumentException("maxBatch must be between 1 and 10000: " + entries);
            }
            this.maxBatch = entries;
            return this;
        }

        /**
         * @param clock the clock for checkpoint times
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Opens the log: creates the tables unless they exist and checks that the head agrees with
         * the last entry.
         *
         * @return the sink
         * @throws AuditStoreException if the tables cannot be created, or the head disagrees with the
         *     log (the table was changed outside the sink)
         */
        public JdbcAuditSink build() {
            return new JdbcAuditSink(this);
        }
    }

}
