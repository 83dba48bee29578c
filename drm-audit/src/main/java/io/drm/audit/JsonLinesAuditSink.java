package io.drm.audit;

import io.drm.audit.internal.ChainState;
import io.drm.audit.internal.CheckpointPolicy;
import io.drm.audit.internal.EntryCodec;
import io.drm.audit.internal.LogFiles;
import io.drm.spi.AuditCheckpoint;
import io.drm.spi.AuditEvent;
import io.drm.spi.AuditSink;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tamper-evident audit log in JSON lines: one event a line in Elastic Common Schema shape
 * ({@code @timestamp}, {@code event.action}, {@code event.outcome}, {@code event.category},
 * {@code user.name}, {@code service.environment}, {@code labels}, and the chain fields under
 * {@code drm}), ready for Filebeat. Each line is the entry's canonical JSON, hash-chained to the one
 * before; signed Merkle checkpoints go to a {@code .checkpoints} file beside it.
 *
 * <pre>{@code
 * try (JsonLinesAuditSink audit = JsonLinesAuditSink.builder(Path.of("/var/log/app/audit.jsonl"))
 *         .signingKey(AuditSigningKey.fromPemFile(Path.of("/etc/app/audit-key.pem")))
 *         .build()) {
 *     DataRelease.configure().dataSource(ds).locations("classpath:db/release").auditSink(audit).onStartup();
 * }
 * }</pre>
 *
 * <p>Durability: {@link Durability#FSYNC} forces every event to disk before {@code append}
 * returns. {@link Durability#GROUP_COMMIT} (the default) hands every event to the operating system
 * before {@code append} returns, so a crashed or killed process loses nothing, and forces the file
 * within {@link Builder#groupCommitDelay} (so a power loss loses at most that window), as well as
 * on {@link #flush()}, {@link #checkpoint()} and {@link #close()}.
 *
 * <p>Rotation: when the active file would pass {@link Builder#rotateAtBytes}, the sink writes a
 * checkpoint and renames it to {@code <name>-<first seq>.jsonl}; the chain goes on in a new file.
 * A torn last line found on opening (a write cut off by a crash) is moved to
 * {@code <name>.torn-<seq>-<millis>} and recorded as an {@code audit.recovered} event.
 *
 * <p>One process writes a log at a time (a lock file enforces it); within it the sink is
 * thread-safe. After a write failure the sink refuses further events with
 * {@link AuditStoreException}; open it again to go on.
 */
public final class JsonLinesAuditSink implements AuditSink, AutoCloseable {

    // A facade: the work is done by package-private parts guarded by this sink's monitor, lock.
    // JsonLinesOpening and JsonLinesRecovery (lock file, head, torn lines), JsonLinesSegment (the
    // active file and its rotation), JsonLinesCheckpointFile (checkpoints and when one is due),
    // JsonLinesGroupCommit (the background force) and JsonLinesHealth (closed or broken).

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAuditSink.class);

    /** How soon an appended event is forced to disk. */
    public enum Durability {
        /** Every event is forced to disk before {@code append} returns. */
        FSYNC,
        /** Events reach the operating system at once and the disk within the group-commit delay. */
        GROUP_COMMIT
    }

    /** Opens a channel; tests replace it to simulate a full disk. */
    interface ChannelOpener {
        FileChannel open(Path path) throws IOException;
    }

    private final Object lock = new Object();
    private final LogFiles files;
    private final Durability durability;
    private final AuditSigningKey signingKey;
    private final Clock clock;
    private final EntryCodec codec = new EntryCodec();
    private final JsonLinesHealth health;
    private final JsonLinesProcessLock processLock;
    // Guarded by lock.
    private final ChainState state;
    private final JsonLinesSegment segment;
    private final JsonLinesCheckpointFile checkpoints;
    private final List<Map<String, String>> pendingRecovery = new ArrayList<>();
    private final JsonLinesGroupCommit groupCommit;

    private JsonLinesAuditSink(Builder b) {
        this.files = new LogFiles(b.file);
        this.durability = b.durability;
        this.signingKey = b.signingKey;
        this.clock = b.clock;
        this.health = new JsonLinesHealth(files.active());
        JsonLinesOpening.Opened opened = JsonLinesOpening.open(files, b.opener, b.rotateAtBytes, clock,
                b.checkpoints);
        this.processLock = opened.lock();
        this.state = opened.state();
        this.segment = opened.segment();
        this.checkpoints = opened.checkpoints();
        this.pendingRecovery.addAll(opened.recovered());
        this.groupCommit = durability == Durability.GROUP_COMMIT
                ? new JsonLinesGroupCommit(lock, b.groupCommitDelay, segment, health,
                        files.active().getFileName().toString())
                : null;
        LOG.debug("audit log {} opened at seq {}", files.active(), state.seq());
    }

    /**
     * @param file the active log file, for example {@code /var/log/app/audit.jsonl}
     * @return a builder with group commit, 64 MiB rotation and checkpoints every 10,000 events or minute
     */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /**
     * Opens a log with the defaults of {@link #builder(Path)}, without a signing key.
     *
     * @param file the active log file
     * @return the sink
     * @throws AuditStoreException if the log cannot be opened or does not verify
     */
    public static JsonLinesAuditSink open(Path file) {
        return builder(file).build();
    }

    @Override
    public void append(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        synchronized (lock) {
            health.check();
            EntryCodec.Sealed sealed = state.seal(codec, event);
            write(sealed);
            state.advance(sealed);
            if (durability == Durability.FSYNC) {
                force();
            } else {
                groupCommit.written();
            }
            if (checkpoints.due(state.seq(), clock.instant())) {
                writeCheckpoint();
            }
        }
    }

    @Override
    public void flush() {
        synchronized (lock) {
            health.check();
            force();
        }
    }

    /**
     * Forces the log to disk and writes a checkpoint of it (signed when the sink has a key), unless
     * the last checkpoint already covers every entry.
     *
     * @return the checkpoint
     * @throws AuditStoreException if the log or the checkpoint cannot be written
     */
    @Override
    public Optional<AuditCheckpoint> checkpoint() {
        synchronized (lock) {
            health.check();
            return Optional.of(currentCheckpoint().toAuditCheckpoint());
        }
    }

    /**
     * @return the newest checkpoint, written now if entries were appended since the last one
     * @throws AuditStoreException if it cannot be written
     */
    public Checkpoint latestCheckpoint() {
        synchronized (lock) {
            health.check();
            return currentCheckpoint();
        }
    }

    /** @return the number of entries in the log */
    public long size() {
        synchronized (lock) {
            return state.seq();
        }
    }

    /** @return the active file */
    public Path file() {
        return files.active();
    }

    /**
     * Writes a last checkpoint, forces the files and releases the lock. Safe to call twice.
     *
     * @throws AuditStoreException if the last checkpoint cannot be written (the files are closed anyway)
     */
    @Override
    public void close() {
        AuditStoreException failure = null;
        synchronized (lock) {
            if (health.closed()) {
                return;
            }
            try {
                if (!health.broken()) {
                    currentCheckpoint();
                }
            } catch (AuditStoreException e) {
                failure = e;
            }
            health.close();
            lock.notifyAll();
        }
        if (groupCommit != null) {
            groupCommit.join();
        }
        segment.close();
        checkpoints.close();
        processLock.close();
        if (failure != null) {
            throw failure;
        }
    }

    private Checkpoint currentCheckpoint() {
        if (!checkpoints.covers(state.seq())) {
            writeCheckpoint();
        }
        return checkpoints.last();
    }

    private void write(EntryCodec.Sealed sealed) {
        byte[] canonical = sealed.canonical();
        if (segment.rotationDue(canonical.length + 1)) {
            rotate();
        }
        try {
            segment.append(canonical);
        } catch (IOException e) {
            throw health.fail("cannot write entry " + sealed.seq() + " to " + files.active(), e);
        }
    }

    private void rotate() {
        force();
        writeCheckpoint();
        try {
            segment.rotate(state.seq() + 1);
        } catch (IOException e) {
            throw health.fail("cannot rotate " + files.active() + " to " + segment.rotationTarget(), e);
        }
    }

    private void writeCheckpoint() {
        force();
        Checkpoint checkpoint = Checkpoint.create(state.seq(), state.root(), clock.instant(), signingKey);
        try {
            checkpoints.append(checkpoint, state);
        } catch (IOException e) {
            throw health.fail("cannot write a checkpoint to " + files.checkpoints(), e);
        }
    }

    private void force() {
        try {
            segment.force();
        } catch (IOException e) {
            throw health.fail("cannot force " + files.active() + " to disk", e);
        }
    }

    /** Appends the {@code audit.recovered} event for each torn line set aside while opening. */
    private void recordRecovery() {
        synchronized (lock) {
            for (Map<String, String> details : List.copyOf(pendingRecovery)) {
                pendingRecovery.remove(details);
                append(AuditEvent.of(UUID.randomUUID().toString(), clock.instant(), "drm", "audit.recovered",
                        "", files.active().getFileName().toString(), AuditEvent.Outcome.SUCCESS, details));
            }
        }
    }

    @Override
    public String toString() {
        return "JsonLinesAuditSink[" + files.active() + ", seq=" + size() + "]";
    }

    /** Configures a {@link JsonLinesAuditSink}. Not thread-safe; {@link #build()} may be called again. */
    public static final class Builder {

        private final Path file;
        private Durability durability = Durability.GROUP_COMMIT;
        private Duration groupCommitDelay = Duration.ofMillis(20);
        private long rotateAtBytes = 64L << 20;
        private AuditSigningKey signingKey;
        private CheckpointPolicy checkpoints = CheckpointPolicy.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private ChannelOpener opener = path -> FileChannel.open(path, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.READ);

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        /**
         * @param durability when events reach the disk
         * @return this
         */
        public Builder durability(Durability durability) {
            this.durability = Objects.requireNonNull(durability, "durability");
            return this;
        }

        /**
         * @param delay the longest time an event waits for its fsync under group commit (1 ms to 10 s)
         * @return this
         * @throws IllegalArgumentException if out of range
         */
        public Builder groupCommitDelay(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.toMillis() < 1 || delay.compareTo(Duration.ofSeconds(10)) > 0) {
                throw new IllegalArgumentException("groupCommitDelay must be between 1 ms and 10 s: " + delay);
            }
            this.groupCommitDelay = delay;
            return this;
        }

        /**
         * @param bytes size at which the active file is rotated (at least 4 KiB)
         * @return this
         * @throws IllegalArgumentException if smaller than 4 KiB
         */
        public Builder rotateAtBytes(long bytes) {
            if (bytes < 4096) {
                throw new IllegalArgumentException("rotateAtBytes must be at least 4096: " + bytes);
            }
            this.rotateAtBytes = bytes;
            return this;
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
         * @param interval or when this much time has passed since the last one, at the next event
         * @return this
         * @throws IllegalArgumentException if {@code events} is below 1 or the interval not positive
         */
        public Builder checkpointEvery(long events, Duration interval) {
            this.checkpoints = new CheckpointPolicy(events, interval);
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

        Builder channelOpener(ChannelOpener opener) {
            this.opener = Objects.requireNonNull(opener, "opener");
            return this;
        }

        /**
         * Opens the log: takes its lock, finds its head, sets aside a torn last line (recording it).
         *
         * @return the sink
         * @throws AuditStoreException if the log cannot be opened, is locked by another process or
         *     does not verify
         */
        public JsonLinesAuditSink build() {
            JsonLinesAuditSink sink = new JsonLinesAuditSink(this);
            try {
                sink.recordRecovery();
            } catch (RuntimeException e) {
                sink.close();
                throw e;
            }
            return sink;
        }
    }

}
