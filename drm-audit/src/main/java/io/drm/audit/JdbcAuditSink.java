package io.drm.audit;

import io.drm.audit.internal.CheckpointPolicy;
import io.drm.audit.internal.TableAppender;
import io.drm.audit.internal.TableChain;
import io.drm.spi.AuditCheckpoint;
import io.drm.spi.AuditEvent;
import io.drm.spi.AuditSink;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    private final ReentrantLock lock = new ReentrantLock();
    private final TableChain chain;
    private final TableAppender appender;
    private volatile boolean closed;

    private JdbcAuditSink(Builder b) {
        this.chain = new TableChain(b.dataSource, b.signingKey, b.checkpoints, b.clock);
        this.appender = new TableAppender(chain, lock, b.maxBatch);
        LOG.debug("audit log drm_audit_log opened in {}", chain.where());
    }

    /**
     * Opens the log in a database with the defaults of {@link #builder(DataSource)}, without a
     * signing key.
     *
     * @param dataSource the database (a pool)
     * @return the sink
     * @throws AuditStoreException if the tables cannot be created or the log's head disagrees with it
     */
    public static JdbcAuditSink open(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * @param dataSource the database (a pool)
     * @return the sink
     * @deprecated use {@link #open(DataSource)}: resources are opened with {@code open} in every
     *     module
     */
    @Deprecated
    public static JdbcAuditSink create(DataSource dataSource) {
        return open(dataSource);
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
        appender.append(List.of(event));
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
        events.forEach(e -> Objects.requireNonNull(e, "event"));
        usable();
        if (!events.isEmpty()) {
            appender.append(events);
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
        return latest();
    }

    private Checkpoint latest() {
        lock.lock();
        try {
            return chain.latestCheckpoint();
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return the number of entries in the log, as its head says
     * @throws AuditStoreException if the head cannot be read
     */
    public long size() {
        return chain.size();
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
        appender.close();
        latest();
    }

    /** @return the number of append transactions this sink committed (for tests of group commit) */
    long transactions() {
        return chain.transactions();
    }

    @Override
    public String toString() {
        return "JdbcAuditSink[drm_audit_log in " + chain.where() + "]";
    }

    private void usable() {
        if (closed) {
            throw new AuditStoreException("the audit sink for drm_audit_log in " + chain.where() + " is closed");
        }
    }

    /** Configures a {@link JdbcAuditSink}. Not thread-safe; {@link #build()} may be called again. */
    public static final class Builder {

        private final DataSource dataSource;
        private AuditSigningKey signingKey;
        private CheckpointPolicy checkpoints = CheckpointPolicy.DEFAULT;
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
            this.checkpoints = new CheckpointPolicy(events, interval);
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
