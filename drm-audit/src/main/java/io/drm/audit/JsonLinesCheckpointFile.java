package io.drm.audit;

import io.drm.audit.internal.CanonicalJson;
import io.drm.audit.internal.ChainState;
import io.drm.audit.internal.CheckpointPolicy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code .checkpoints} file beside a JSON-lines log: one checkpoint a line, with the chain
 * state it covers (so that opening the log replays only the active file), forced as it is written;
 * and when the next one is due (after so many events or so much time). Not thread-safe: guarded by
 * the sink's monitor.
 */
final class JsonLinesCheckpointFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAuditSink.class);

    private final FileChannel channel;
    private final CheckpointPolicy policy;
    private Checkpoint last;
    private Instant lastTime;

    /**
     * @param channel the file, positioned after its last whole line
     * @param last its last checkpoint, or null
     * @param now the time the interval counts from
     * @param policy when the next checkpoint is due
     */
    JsonLinesCheckpointFile(FileChannel channel, Checkpoint last, Instant now, CheckpointPolicy policy) {
        this.channel = channel;
        this.last = last;
        this.lastTime = now;
        this.policy = policy;
    }

    /** @return the last checkpoint written, or null */
    Checkpoint last() {
        return last;
    }

    /** @return whether the last checkpoint covers {@code seq} entries exactly */
    boolean covers(long seq) {
        return last != null && last.treeSize() == seq;
    }

    /** @return whether a checkpoint is due with {@code seq} entries at {@code now} */
    boolean due(long seq, Instant now) {
        long covered = last == null ? 0 : last.treeSize();
        return policy.due(seq - covered, Duration.between(lastTime, now));
    }

    /**
     * Appends a checkpoint and forces it to disk.
     *
     * @param checkpoint the checkpoint
     * @param state the chain state it covers
     */
    void append(Checkpoint checkpoint, ChainState state) throws IOException {
        Map<String, Object> line = new TreeMap<>(checkpoint.fields());
        line.put("state", state.encode());
        byte[] bytes = new CanonicalJson().encode(line);
        ByteBuffer buf = ByteBuffer.allocate(bytes.length + 1);
        buf.put(bytes).put((byte) '\n').flip();
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        channel.force(false);
        last = checkpoint;
        lastTime = checkpoint.time();
    }

    /** Closes the file; never throws. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing the checkpoint file failed", e);
        }
    }
}
