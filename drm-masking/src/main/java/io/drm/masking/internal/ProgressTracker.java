package io.drm.masking.internal;

import io.drm.masking.MaskingListener;
import io.drm.masking.MaskingProgress;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;

/**
 * Progress of one table: tells the listener after batches (at most ten times a second, and always
 * at the start and the end of the table) and logs an INFO line every progress interval. Never
 * anything per row, never a value. Used by the one thread that commits the table's batches.
 */
public final class ProgressTracker {

    private static final long LISTENER_INTERVAL_NANOS = Duration.ofMillis(100).toNanos();

    private final Logger log;
    private final String job;
    private final String table;
    private final long total;
    private final long doneBefore;
    private final MaskingListener listener;
    private final long logIntervalNanos;
    private final long start;
    private long lastListened;
    private long lastLogged;
    private boolean listenerFailed;

    /**
     * @param log where progress lines go
     * @param job the job's description for log lines, for example {@code "masked copy 3f2a..."}
     * @param table the table
     * @param total the table's rows, or -1 when unknown
     * @param doneBefore rows an earlier run already did
     * @param settings the job's settings (listener, interval)
     */
    public ProgressTracker(Logger log, String job, String table, long total, long doneBefore, JobSettings settings) {
        this.log = log;
        this.job = job;
        this.table = table;
        this.total = total;
        this.doneBefore = doneBefore;
        this.listener = settings.listener();
        this.logIntervalNanos = settings.progressInterval().toNanos();
        this.start = System.nanoTime();
        this.lastListened = start;
        this.lastLogged = start;
        notifyListener(doneBefore, start);
    }

    /**
     * Called after each committed batch.
     *
     * @param rowsDone rows done in this table so far, earlier runs included
     */
    public void advanced(long rowsDone) {
        long now = System.nanoTime();
        if (now - lastListened >= LISTENER_INTERVAL_NANOS) {
            notifyListener(rowsDone, now);
        }
        if (now - lastLogged >= logIntervalNanos) {
            lastLogged = now;
            if (log.isInfoEnabled()) {
                log.info("{} - table {}: {} rows ({}), {} rows/s", job, table, count(rowsDone), percent(rowsDone),
                        String.format(Locale.ROOT, "%,.0f", rate(rowsDone, now)));
            }
        }
    }

    /**
     * Called when the table is finished.
     *
     * @param rowsDone rows done in this table, earlier runs included
     */
    public void finished(long rowsDone) {
        long now = System.nanoTime();
        notifyListener(rowsDone, now);
        if (log.isInfoEnabled()) {
            log.info("{} - table {} done: {} rows in {} ms ({} rows/s)", job, table, count(rowsDone - doneBefore),
                    (now - start) / 1_000_000, String.format(Locale.ROOT, "%,.0f", rate(rowsDone, now)));
        }
    }

    private void notifyListener(long rowsDone, long now) {
        lastListened = now;
        if (listener == null) {
            return;
        }
        try {
            listener.progress(new MaskingProgress(table, rowsDone, total, rate(rowsDone, now)));
        } catch (RuntimeException e) {
            if (!listenerFailed) {
                listenerFailed = true;
                log.warn("{} - the progress listener failed on table {} and is ignored: {}", job, table,
                        Failures.describe(e));
            }
        }
    }

    private double rate(long rowsDone, long now) {
        double seconds = (now - start) / 1e9;
        return seconds <= 0 ? 0 : (rowsDone - doneBefore) / seconds;
    }

    private String percent(long rowsDone) {
        return total <= 0 ? "of unknown" : String.format(Locale.ROOT, "%.1f%% of %,d", 100.0 * rowsDone / total, total);
    }

    private static String count(long rows) {
        return String.format(Locale.ROOT, "%,d", rows);
    }
}
