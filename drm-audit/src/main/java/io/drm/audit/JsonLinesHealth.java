package io.drm.audit;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a {@link JsonLinesAuditSink} still takes events: open, closed, or broken by a write or
 * force that failed (after which it refuses every event, so the chain stays whole). Guarded by the
 * sink's monitor.
 */
final class JsonLinesHealth {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAuditSink.class);

    private final Path file;
    private boolean closed;
    private AuditStoreException broken;

    JsonLinesHealth(Path file) {
        this.file = file;
    }

    /** @throws AuditStoreException if the sink is closed or broken */
    void check() {
        if (closed) {
            throw new AuditStoreException("the audit log " + file + " is closed");
        }
        if (broken != null) {
            throw new AuditStoreException("the audit log " + file + " failed earlier and takes no more"
                    + " events: " + broken.getMessage(), broken);
        }
    }

    boolean closed() {
        return closed;
    }

    boolean broken() {
        return broken != null;
    }

    void close() {
        closed = true;
    }

    /**
     * Marks the sink broken by a failed write.
     *
     * @return the exception to throw
     */
    AuditStoreException fail(String what, IOException e) {
        broken = new AuditStoreException(what + ": " + e + ". The sink refuses further events so the chain"
                + " stays whole; free space or fix the file, then open the log again.", e);
        LOG.error("audit log {} failed: {}", file, e.toString());
        return broken;
    }

    /** Marks the sink broken by a failed background force, unless it already is. */
    void failSync(IOException e) {
        if (broken == null) {
            broken = new AuditStoreException("cannot force " + file + " to disk: " + e
                    + ". The sink refuses further events; check the disk and open the log again.", e);
            LOG.error("audit log {} failed: {}", file, e.toString());
        }
    }
}
