package io.drm.audit;

import io.drm.audit.internal.ChainState;
import io.drm.audit.internal.CheckpointPolicy;
import io.drm.audit.internal.LogFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a JSON-lines log for a sink: takes its lock file, recovers its head
 * ({@link JsonLinesRecovery}), sets aside torn last lines, and opens the active and checkpoint
 * files at their ends. On failure everything opened so far is closed again.
 */
final class JsonLinesOpening {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAuditSink.class);

    /**
     * An opened log.
     *
     * @param recovered the details of an {@code audit.recovered} event for each torn line set aside
     */
    record Opened(JsonLinesProcessLock lock, ChainState state, JsonLinesSegment segment,
            JsonLinesCheckpointFile checkpoints, List<Map<String, String>> recovered) {
    }

    private JsonLinesOpening() {
    }

    /**
     * @param clock the clock, for the names of set-aside files and the checkpoint policy's start
     * @throws AuditStoreException if the log is locked, cannot be opened or does not verify
     */
    static Opened open(LogFiles files, JsonLinesAuditSink.ChannelOpener opener, long rotateAtBytes, Clock clock,
            CheckpointPolicy policy) {
        JsonLinesProcessLock lock = null;
        FileChannel checkpointChannel = null;
        FileChannel channel = null;
        try {
            Files.createDirectories(files.active().getParent());
            lock = JsonLinesProcessLock.acquire(files);
            JsonLinesRecovery recovery = new JsonLinesRecovery(files);
            JsonLinesRecovery.Found found = recovery.recover();
            ChainState state = found.state();
            List<Map<String, String>> recovered = new ArrayList<>();
            checkpointChannel = opener.open(files.checkpoints());
            if (found.checkpointsTorn() != null) {
                recovered.add(recovery.setAside(files.checkpoints(), found.checkpointsLength(),
                        found.checkpointsTorn(), checkpointChannel, "checkpoint", state.seq() + 1, clock.millis()));
            }
            checkpointChannel.position(found.checkpointsLength());
            channel = opener.open(files.active());
            if (found.activeTorn() != null) {
                recovered.add(recovery.setAside(files.active(), found.activeLength(), found.activeTorn(), channel,
                        "entry", state.seq() + 1, clock.millis()));
            }
            channel.position(found.activeLength());
            return new Opened(lock, state,
                    new JsonLinesSegment(files, opener, rotateAtBytes, channel, found.activeLength(),
                            found.activeFirstSeq()),
                    new JsonLinesCheckpointFile(checkpointChannel, found.lastCheckpoint(), clock.instant(),
                            policy), recovered);
        } catch (IOException e) {
            closeAll(channel, checkpointChannel, lock);
            throw new AuditStoreException("cannot open the audit log " + files.active() + ": " + e
                    + ". Check that the directory exists, is writable and has space.", e);
        } catch (RuntimeException e) {
            closeAll(channel, checkpointChannel, lock);
            throw e;
        }
    }

    private static void closeAll(AutoCloseable... closeables) {
        for (AutoCloseable c : closeables) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.debug("close failed", e);
                }
            }
        }
    }
}
