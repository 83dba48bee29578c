package io.drm;

import io.drm.internal.CanaryRun;
import io.drm.internal.Settings;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A canary configuration release: releases the configured locations (whose configuration
 * documents go live through the configuration store: the database's own, or the one given to
 * {@link DataRelease.Builder#configStore(io.drm.spi.ConfigStore)}), polls a {@link CanaryCheck}
 * over a window, and switches the configuration back to the version live before when a poll fails
 * or throws. Only the configuration is rolled back; schema steps of the same release stay. A
 * canary holds the canary lock and is recorded in {@code drm_canary}; one whose process died
 * inside its window is recovered by the next canary or {@link #recover()}.
 *
 * <pre>{@code
 * CanaryResult r = DataRelease.configure().dataSource(ds).locations("classpath:db/release")
 *         .canary(CanaryCheck.sql(ds, "SELECT conversion_rate FROM kpi", 0.02))
 *         .window(Duration.ofMinutes(10)).interval(Duration.ofSeconds(30))
 *         .release();
 * }</pre>
 */
public final class Canary {

    private final Settings settings;
    private final CanaryCheck check;
    private Duration window = Duration.ofMinutes(5);
    private Duration interval = Duration.ofSeconds(30);
    private Consumer<Duration> sleeper = Canary::sleep;

    Canary(Settings settings, CanaryCheck check) {
        this.settings = settings;
        this.check = Objects.requireNonNull(check, "check");
    }

    /**
     * Sets how long the check is polled, measured with the builder's clock.
     *
     * @param window a non-negative duration; default 5 minutes
     * @return this canary
     */
    public Canary window(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative: " + window);
        }
        this.window = window;
        return this;
    }

    /**
     * Sets the pause between polls.
     *
     * @param interval a non-negative duration; default 30 seconds
     * @return this canary
     */
    public Canary interval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative: " + interval);
        }
        this.interval = interval;
        return this;
    }

    /**
     * Replaces how the canary waits between polls (default {@code Thread.sleep}); with a test
     * clock, a no-op makes runs deterministic.
     *
     * @param sleeper waits for the given duration
     * @return this canary
     */
    public Canary sleeper(Consumer<Duration> sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    /**
     * Releases, polls, and rolls the configuration back on failure.
     *
     * @return what happened
     * @throws CanaryException ({@code DRM-PROMO-010}) before releasing when no configuration version
     *     is live to return to, or when the rollback fails
     * @throws DrmException before releasing when the configuration store is unreachable
     */
    public CanaryResult release() {
        return new CanaryRun(settings, check, window, interval, sleeper).run();
    }

    /**
     * Recovers canaries whose process died inside their window: each canary still recorded as
     * running in {@code drm_canary} while nobody holds the canary lock has its configuration
     * switched back to the version live before it (the last one that passed), is marked
     * {@code INTERRUPTED} and audited as {@code canary.interrupted}. {@link #release()} does this
     * first; call it at startup to converge without releasing.
     *
     * @return the configuration version live after recovering, or empty when no canary was interrupted
     * @throws DrmException if the store or the database fails (the canary stays recorded as
     *     running, and the next recovery tries again)
     */
    public java.util.Optional<String> recover() {
        return new CanaryRun(settings, check, window, interval, sleeper).recover();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the canary window", e);
        }
    }
}
