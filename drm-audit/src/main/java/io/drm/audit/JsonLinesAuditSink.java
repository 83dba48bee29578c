package io.drm.audit;

import io.drm.audit.internal.CanonicalJson;
import io.drm.audit.internal.ChainState;
import io.drm.audit.internal.EntryCodec;
import io.drm.audit.internal.LogFiles;
import io.drm.spi.AuditCheckpoint;
import io.drm.spi.AuditEvent;
import io.drm.spi.AuditSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
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
    private final Duration groupCommitDelay;
    private final long rotateAtBytes;
    private final AuditSigningKey signingKey;
    private final long checkpointEvery;
    private final Duration checkpointInterval;
    private final Clock clock;
    private final ChannelOpener opener;
    private final EntryCodec codec = new EntryCodec();
    // Guarded by lock: a direct buffer, so a line goes to the file without a copy into a temporary one.
    private ByteBuffer lineBuffer = ByteBuffer.allocateDirect(4096);

    private final FileChannel lockChannel;
    private final FileLock processLock;
    private FileChannel channel;
    private FileChannel checkpointChannel;
    private long activeBytes;
    private long activeFirstSeq;
    private final ChainState state;
    private Checkpoint lastCheckpoint;
    private Instant lastCheckpointTime;
    private boolean dirty;
    private boolean closed;
    private AuditStoreException broken;
    private final Thread syncer;

    private JsonLinesAuditSink(Builder b) {
        this.files = new LogFiles(b.file);
        this.durability = b.durability;
        this.groupCommitDelay = b.groupCommitDelay;
        this.rotateAtBytes = b.rotateAtBytes;
        this.signingKey = b.signingKey;
        this.checkpointEvery = b.checkpointEvery;
        this.checkpointInterval = b.checkpointInterval;
        this.clock = b.clock;
        this.opener = b.opener;
        FileChannel lc = null;
        FileLock fl = null;
        try {
            Files.createDirectories(files.active().getParent());
            lc = FileChannel.open(files.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                fl = lc.tryLock();
            } catch (OverlappingFileLockException e) {
                fl = null;
            }
            if (fl == null) {
                throw new AuditStoreException("another sink is writing the audit log " + files.active()
                        + " (its lock file " + files.lock() + " is held). One process writes a JSON-lines log at"
                        + " a time; give each process its own file, or use JdbcAuditSink for many writers.");
            }
            JsonLinesRecovery.Found found = new JsonLinesRecovery(files).recover();
            this.state = found.state();
            this.lastCheckpoint = found.lastCheckpoint();
            this.lastCheckpointTime = clock.instant();
            this.activeFirstSeq = found.activeFirstSeq();
            this.checkpointChannel = opener.open(files.checkpoints());
            if (found.checkpointsTorn() != null) {
                setAside(files.checkpoints(), found.checkpointsLength(), found.checkpointsTorn(), checkpointChannel,
                        "checkpoint");
            }
            this.checkpointChannel.position(found.checkpointsLength());
            this.channel = opener.open(files.active());
            this.activeBytes = found.activeLength();
            if (found.activeTorn() != null) {
                setAside(files.active(), found.activeLength(), found.activeTorn(), channel, "entry");
            }
            channel.position(activeBytes);
            this.lockChannel = lc;
            this.processLock = fl;
        } catch (IOException e) {
            closeQuietly(lc);
            throw new AuditStoreException("cannot open the audit log " + files.active() + ": " + e
                    + ". Check that the directory exists, is writable and has space.", e);
        } catch (RuntimeException e) {
            closeQuietly(lc);
            throw e;
        }
        if (durability == Durability.GROUP_COMMIT) {
            syncer = new Thread(this::syncLoop, "drm-audit-sync-" + files.active().getFileName());
            syncer.setDaemon(true);
            syncer.start();
        } else {
            syncer = null;
        }
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
            usable();
            EntryCodec.Sealed sealed = state.seal(codec, event);
            write(sealed);
            state.advance(sealed);
            if (durability == Durability.FSYNC) {
                force();
            } else if (!dirty) {
                dirty = true;
                lock.notifyAll();
            }
            if (state.seq() - lastCheckpointSize() >= checkpointEvery
                    || Duration.between(lastCheckpointTime, clock.instant()).compareTo(checkpointInterval) >= 0) {
                writeCheckpoint();
            }
        }
    }

    @Override
    public void flush() {
        synchronized (lock) {
            usable();
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
            usable();
            return Optional.of(currentCheckpoint().toAuditCheckpoint());
        }
    }

    /**
     * @return the newest checkpoint, written now if entries were appended since the last one
     * @throws AuditStoreException if it cannot be written
     */
    public Checkpoint latestCheckpoint() {
        synchronized (lock) {
            usable();
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
            if (closed) {
                return;
            }
            try {
                if (broken == null) {
                    currentCheckpoint();
                }
            } catch (AuditStoreException e) {
                failure = e;
            }
            closed = true;
            lock.notifyAll();
        }
        if (syncer != null) {
            try {
                syncer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly(channel);
        closeQuietly(checkpointChannel);
        try {
            processLock.release();
        } catch (IOException e) {
            LOG.debug("releasing {} failed", files.lock(), e);
        }
        closeQuietly(lockChannel);
        if (failure != null) {
            throw failure;
        }
    }

    private Checkpoint currentCheckpoint() {
        if (lastCheckpoint == null || lastCheckpoint.treeSize() != state.seq()) {
            writeCheckpoint();
        }
        return lastCheckpoint;
    }

    private long lastCheckpointSize() {
        return lastCheckpoint == null ? 0 : lastCheckpoint.treeSize();
    }

    private void write(EntryCodec.Sealed sealed) {
        byte[] canonical = sealed.canonical();
        if (activeBytes > 0 && activeBytes + canonical.length + 1 > rotateAtBytes) {
            rotate();
        }
        if (lineBuffer.capacity() < canonical.length + 1) {
            lineBuffer = ByteBuffer.allocateDirect(Math.max(lineBuffer.capacity() * 2, canonical.length + 1));
        }
        ByteBuffer buf = lineBuffer;
        buf.clear();
        buf.put(canonical).put((byte) '\n').flip();
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            undoPartialWrite();
            throw fail("cannot write entry " + sealed.seq() + " to " + files.active(), e);
        }
        activeBytes += canonical.length + 1;
    }

    private void undoPartialWrite() {
        try {
            channel.truncate(activeBytes);
            channel.position(activeBytes);
        } catch (IOException e) {
            LOG.debug("could not cut a partial line off {}", files.active(), e);
        }
    }

    private void rotate() {
        force();
        writeCheckpoint();
        Path target = files.rotated(activeFirstSeq);
        try {
            channel.close();
            Files.move(files.active(), target, StandardCopyOption.ATOMIC_MOVE);
            channel = opener.open(files.active());
        } catch (IOException e) {
            throw fail("cannot rotate " + files.active() + " to " + target, e);
        }
        LOG.info("audit log {} rotated to {} after entry {}", files.active(), target.getFileName(), state.seq());
        activeBytes = 0;
        activeFirstSeq = state.seq() + 1;
    }

    private void writeCheckpoint() {
        force();
        Checkpoint checkpoint = Checkpoint.create(state.seq(), state.root(), clock.instant(), signingKey);
        Map<String, Object> line = new TreeMap<>(checkpoint.fields());
        line.put("state", state.encode());
        byte[] bytes = new CanonicalJson().encode(line);
        ByteBuffer buf = ByteBuffer.allocate(bytes.length + 1);
        buf.put(bytes).put((byte) '\n').flip();
        try {
            while (buf.hasRemaining()) {
                checkpointChannel.write(buf);
            }
            checkpointChannel.force(false);
        } catch (IOException e) {
            throw fail("cannot write a checkpoint to " + files.checkpoints(), e);
        }
        lastCheckpoint = checkpoint;
        lastCheckpointTime = checkpoint.time();
    }

    private void force() {
        try {
            channel.force(false);
            dirty = false;
        } catch (IOException e) {
            throw fail("cannot force " + files.active() + " to disk", e);
        }
    }

    private void syncLoop() {
        while (true) {
            FileChannel toForce;
            synchronized (lock) {
                try {
                    while (!dirty && !closed) {
                        lock.wait();
                    }
                    long deadline = System.nanoTime() + groupCommitDelay.toNanos();
                    long left;
                    while (!closed && (left = deadline - System.nanoTime()) > 0) {
                        lock.wait(Math.max(1, left / 1_000_000));
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) {
                    return;
                }
                if (broken != null || !dirty) {
                    continue;
                }
                toForce = channel;
                dirty = false;
            }
            try {
                toForce.force(false);
            } catch (java.nio.channels.ClosedChannelException e) {
                LOG.trace("channel rotated while forcing; the rotation forced it");
            } catch (IOException e) {
                synchronized (lock) {
                    if (broken == null) {
                        broken = new AuditStoreException("cannot force " + files.active() + " to disk: " + e
                                + ". The sink refuses further events; check the disk and open the log again.", e);
                        LOG.error("audit log {} failed: {}", files.active(), e.toString());
                    }
                }
            }
        }
    }

    private void setAside(Path file, long validLength, byte[] torn, FileChannel ch, String what) throws IOException {
        Path aside = files.torn(state.seq() + 1, clock.millis());
        Files.write(aside, torn, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        ch.truncate(validLength);
        ch.force(true);
        LOG.warn("audit log {} ended with a torn {} line of {} bytes; set aside as {} and recorded", file, what,
                torn.length, aside.getFileName());
        pendingRecovery.add(Map.of("file", file.getFileName().toString(), "setAsideTo", aside.getFileName().toString(),
                "bytes", String.valueOf(torn.length), "sha256", sha256(torn), "kind", what));
    }

    private final java.util.List<Map<String, String>> pendingRecovery = new java.util.ArrayList<>();

    /**
     * Appends the {@code audit.recovered} event for a torn line set aside while opening.
     */
    private void recordRecovery() {
        for (Map<String, String> details : java.util.List.copyOf(pendingRecovery)) {
            pendingRecovery.remove(details);
            append(AuditEvent.of(UUID.randomUUID().toString(), clock.instant(), "drm", "audit.recovered",
                    "", files.active().getFileName().toString(), AuditEvent.Outcome.SUCCESS, details));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void usable() {
        if (closed) {
            throw new AuditStoreException("the audit log " + files.active() + " is closed");
        }
        if (broken != null) {
            throw new AuditStoreException("the audit log " + files.active() + " failed earlier and takes no more"
                    + " events: " + broken.getMessage(), broken);
        }
    }

    private AuditStoreException fail(String what, IOException e) {
        broken = new AuditStoreException(what + ": " + e + ". The sink refuses further events so the chain"
                + " stays whole; free space or fix the file, then open the log again.", e);
        LOG.error("audit log {} failed: {}", files.active(), e.toString());
        return broken;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("close failed", e);
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
        private long checkpointEvery = 10_000;
        private Duration checkpointInterval = Duration.ofMinutes(1);
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
            Objects.requireNonNull(interval, "interval");
            if (events < 1 || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("checkpoint every must be at least 1 event and a positive time");
            }
            this.checkpointEvery = events;
            this.checkpointInterval = interval;
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
