package io.drm.audit;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background thread of {@link JsonLinesAuditSink.Durability#GROUP_COMMIT}: woken by the first
 * event written since the last force, it waits out the group-commit delay and forces the active
 * file once for every event written meanwhile. The force runs outside the sink's monitor, so
 * appends go on while it runs; a failed force breaks the sink.
 */
final class JsonLinesGroupCommit {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAuditSink.class);

    private final Object lock;
    private final Duration delay;
    private final JsonLinesSegment segment;
    private final JsonLinesHealth health;
    private final Thread thread;

    /**
     * Starts the thread.
     *
     * @param lock the sink's monitor, which guards {@code segment} and {@code health}
     */
    JsonLinesGroupCommit(Object lock, Duration delay, JsonLinesSegment segment, JsonLinesHealth health,
            String name) {
        this.lock = lock;
        this.delay = delay;
        this.segment = segment;
        this.health = health;
        this.thread = new Thread(this::run, "drm-audit-sync-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Wakes the thread for a line just written; the caller holds the monitor. */
    void written() {
        if (!segment.dirty()) {
            segment.markDirty();
            lock.notifyAll();
        }
    }

    /** Waits for the thread to end, after the sink was marked closed and the monitor notified. */
    void join() {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            FileChannel toForce;
            synchronized (lock) {
                try {
                    while (!segment.dirty() && !health.closed()) {
                        lock.wait();
                    }
                    long deadline = System.nanoTime() + delay.toNanos();
                    long left;
                    while (!health.closed() && (left = deadline - System.nanoTime()) > 0) {
                        lock.wait(Math.max(1, left / 1_000_000));
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (health.closed()) {
                    return;
                }
                if (health.broken() || !segment.dirty()) {
                    continue;
                }
                toForce = segment.takeForForce();
            }
            try {
                toForce.force(false);
            } catch (ClosedChannelException e) {
                LOG.trace("channel rotated while forcing; the rotation forced it");
            } catch (IOException e) {
                synchronized (lock) {
                    health.failSync(e);
                }
            }
        }
    }
}
