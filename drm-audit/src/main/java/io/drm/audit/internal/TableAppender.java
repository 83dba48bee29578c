package io.drm.audit.internal;

import io.drm.audit.AuditStoreException;
import io.drm.spi.AuditEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for a JDBC audit log: callers queue their events and wait; one writer thread takes
 * whatever is queued (up to the batch size) into one transaction of a {@link TableChain} and wakes
 * the callers once it has committed, so while it writes, the next batch gathers.
 */
public final class TableAppender {

    private final TableChain chain;
    private final ReentrantLock lock;
    private final int maxBatch;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private volatile boolean closed;

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

    /**
     * Starts the writer thread.
     *
     * @param chain the log's transactions
     * @param lock held around every use of the chain
     * @param maxBatch the most events in one transaction
     */
    public TableAppender(TableChain chain, ReentrantLock lock, int maxBatch) {
        this.chain = chain;
        this.lock = lock;
        this.maxBatch = maxBatch;
        this.writerThread = new Thread(this::writeLoop, "drm-audit-jdbc-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    /**
     * Appends events in order and returns once all are committed.
     *
     * @param events the events
     * @throws AuditStoreException if a transaction failed: the events before it are recorded, it and
     *     the ones after are not, and the message says how many were recorded
     */
    public void append(List<AuditEvent> events) {
        List<Pending> mine = new ArrayList<>(events.size());
        for (AuditEvent e : events) {
            mine.add(new Pending(e));
        }
        queue.addAll(mine);
        for (Pending p : mine) {
            await(p);
        }
        for (int i = 0; i < mine.size(); i++) {
            RuntimeException failure = mine.get(i).failure;
            if (failure != null) {
                throw new AuditStoreException(failure.getMessage() + (mine.size() == 1 ? ""
                        : " (" + i + " of " + mine.size() + " events were recorded before the failure)"), failure);
            }
        }
    }

    /** Lets the writer write what is queued, then stops it (waits up to 30 s). */
    public void close() {
        closed = true;
        try {
            writerThread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        List<AuditEvent> events = new ArrayList<>();
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
            events.clear();
            for (Pending p : batch) {
                events.add(p.event);
            }
            RuntimeException failure = null;
            lock.lock();
            try {
                chain.append(events);
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                lock.unlock();
                for (Pending p : batch) {
                    p.finish(failure);
                }
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.finish(closedFailure());
        }
    }

    /** Waits for an event's transaction; an interrupt is kept for the caller, not acted on, as the event may be written. */
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
        return new AuditStoreException("the audit sink for drm_audit_log in " + chain.where() + " is closed; the"
                + " event was not recorded");
    }
}
