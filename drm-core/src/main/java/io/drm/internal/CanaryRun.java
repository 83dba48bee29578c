package io.drm.internal;

import io.drm.CanaryCheck;
import io.drm.CanaryException;
import io.drm.CanaryResult;
import io.drm.ReleaseResult;
import io.drm.spi.AuditEvent;
import io.drm.spi.ConfigStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a canary configuration release over the configured {@link ConfigStore} (the database's own
 * or another, such as Redis), under the canary lock, recorded in {@code drm_canary}; and recovers
 * canaries whose process died inside their window.
 */
public final class CanaryRun {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.release");

    private final Settings settings;
    private final CanaryCheck check;
    private final Duration window;
    private final Duration interval;
    private final Consumer<Duration> sleeper;

    /**
     * Creates a run.
     *
     * @param settings the settings
     * @param check the health check
     * @param window how long to poll
     * @param interval the pause between polls
     * @param sleeper how to wait
     */
    public CanaryRun(Settings settings, CanaryCheck check, Duration window, Duration interval,
            Consumer<Duration> sleeper) {
        this.settings = settings;
        this.check = check;
        this.window = window;
        this.interval = interval;
        this.sleeper = sleeper;
    }

    /**
     * Recovers interrupted canaries, under the canary lock.
     *
     * @return the version live after recovering, or empty when no canary was interrupted
     */
    public Optional<String> recover() {
        ConfigStore store = settings.configStoreOrJdbc();
        store.ping();
        try (Connector.Lease lease = settings.connector().open()) {
            DatabaseKind kind = kind(lease);
            try (ReleaseLock lock = canaryLock(lease, kind)) {
                return recover(lease, kind, store);
            }
        } catch (SQLException e) {
            throw settings.connector().translate(e, "recover the interrupted canaries of");
        }
    }

    /**
     * Releases, polls, rolls back on failure, audits.
     *
     * @return the result
     */
    public CanaryResult run() {
        ConfigStore store = settings.configStoreOrJdbc();
        store.ping();
        try (Connector.Lease lease = settings.connector().open()) {
            DatabaseKind kind = kind(lease);
            try (ReleaseLock lock = canaryLock(lease, kind)) {
                recover(lease, kind, store);
                return runLocked(lease, kind, store);
            }
        } catch (SQLException e) {
            throw settings.connector().translate(e, "run the canary on");
        }
    }

    private CanaryResult runLocked(Connector.Lease lease, DatabaseKind kind, ConfigStore store) throws SQLException {
        String previous = store.liveVersion().orElseThrow(() -> new CanaryException("a canary configuration release"
                + " needs a configuration version live to return to, and none is: release the first configuration"
                + " without a canary. Nothing was released."));
        CanaryLedger ledger = new CanaryLedger(kind);
        String canaryId = settings.ids().get();
        try (Connection c = lease.connection("record the canary in")) {
            ledger.ensureTable(c);
            ledger.start(c, canaryId, previous, store.describe(), settings.clock().instant());
        }
        ReleaseResult release;
        try {
            // As the startup hook: whatever is pending once an interrupted release is recovered under
            // the release lock (a plan made before that recovery would no longer match).
            release = new ReleaseEngine(settings).onStartup();
        } catch (RuntimeException e) {
            // A step may have switched an external store before its transaction failed.
            String live = switchBack(store, previous, e);
            try (Connection c = lease.connection("record the canary in")) {
                ledger.finish(c, canaryId, "FAILED", live, Failures.firstLine(e.getMessage()),
                        settings.clock().instant());
            }
            throw e;
        }
        String released = store.liveVersion().orElse(previous);
        try (Connection c = lease.connection("record the canary in")) {
            ledger.released(c, canaryId, released);
        }
        List<Double> values = new ArrayList<>();
        String failure = null;
        Instant end = settings.clock().instant().plus(window);
        while (true) {
            try {
                double v = check.measure();
                values.add(v);
                if (!(v >= check.threshold())) {
                    failure = "poll " + values.size() + " measured " + v + ", below the threshold " + check.threshold();
                }
            } catch (Exception e) {
                values.add(Double.NaN);
                failure = "poll " + values.size() + " threw " + e.getClass().getSimpleName() + ": "
                        + Failures.firstLine(e.getMessage());
            }
            if (failure != null || !settings.clock().instant().isBefore(end)) {
                break;
            }
            sleeper.accept(interval);
        }
        String live = released;
        if (failure != null && !released.equals(previous)) {
            try {
                store.switchTo(previous);
            } catch (RuntimeException e) {
                // the row stays RUNNING: the next canary (or Canary.recover()) switches back again
                throw new CanaryException("the canary of configuration version " + released + " failed (" + failure
                        + "), and switching back to version " + previous + " failed: "
                        + Failures.firstLine(e.getMessage()) + ". Switch back by hand with config().store()"
                        + ".switchTo(\"" + previous + "\"), or run Canary.recover() once the store is back.", e);
            }
            live = previous;
        }
        try (Connection c = lease.connection("record the canary in")) {
            ledger.finish(c, canaryId, failure == null ? "PASSED" : "ROLLED_BACK", live, failure,
                    settings.clock().instant());
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("canaryId", canaryId);
        if (release.releaseId() != null) {
            details.put("releaseId", release.releaseId());
        }
        details.put("previousVersion", previous);
        details.put("releasedVersion", released);
        details.put("liveVersion", live);
        details.put("configStore", store.describe());
        details.put("values", values.stream().map(String::valueOf).collect(Collectors.joining(",")));
        details.put("threshold", String.valueOf(check.threshold()));
        if (failure != null) {
            details.put("failure", failure);
        }
        new Auditor(settings, ReleaseEngine.target(lease, kind)).append(failure == null ? "canary.passed"
                : "canary.rolled_back", failure == null ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE,
                details, "The canary finished (configuration version " + live + " is live) but the audit trail"
                        + " misses it.");
        return new CanaryResult(release, previous, released, live, failure == null, values, failure);
    }

    /** After a failed release: puts the previous version back if a step switched to another one. */
    private static String switchBack(ConfigStore store, String previous, RuntimeException failure) {
        try {
            Optional<String> live = store.liveVersion();
            if (live.isPresent() && !live.get().equals(previous)) {
                store.switchTo(previous);
            }
            return previous;
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            return null;
        }
    }

    /**
     * Canaries still {@code RUNNING} while this process holds the canary lock died inside their
     * window: the configuration goes back to the version live before each (the last one that
     * passed), and each is marked {@code INTERRUPTED} and audited as {@code canary.interrupted}.
     */
    private Optional<String> recover(Connector.Lease lease, DatabaseKind kind, ConfigStore store)
            throws SQLException {
        CanaryLedger ledger = new CanaryLedger(kind);
        List<CanaryLedger.Running> running;
        try (Connection c = lease.connection("read the canaries of")) {
            if (!ledger.exists(c)) {
                return Optional.empty();
            }
            running = ledger.running(c);
        }
        String live = null;
        for (CanaryLedger.Running r : running) {
            String before = store.liveVersion().orElse(null);
            if (!r.previousVersion().equals(before)) {
                store.switchTo(r.previousVersion());
            }
            live = r.previousVersion();
            String message = "the canary's process stopped inside its window (configuration version "
                    + (r.releasedVersion() == null ? "not yet recorded" : r.releasedVersion()) + "); version "
                    + live + ", live before it, is live again";
            try (Connection c = lease.connection("record the canary in")) {
                ledger.finish(c, r.canaryId(), "INTERRUPTED", live, message, settings.clock().instant());
            }
            LOG.warn("canary {} was interrupted: {}", r.canaryId(), message);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("canaryId", r.canaryId());
            details.put("previousVersion", r.previousVersion());
            if (r.releasedVersion() != null) {
                details.put("releasedVersion", r.releasedVersion());
            }
            if (before != null) {
                details.put("foundVersion", before);
            }
            details.put("liveVersion", live);
            details.put("configStore", store.describe());
            details.put("message", message);
            new Auditor(settings, ReleaseEngine.target(lease, kind)).append("canary.interrupted",
                    AuditEvent.Outcome.FAILURE, details, "The interrupted canary was recovered (configuration"
                            + " version " + live + " is live) and is marked INTERRUPTED in drm_canary.");
        }
        return Optional.ofNullable(live);
    }

    private ReleaseLock canaryLock(Connector.Lease lease, DatabaseKind kind) throws SQLException {
        return ReleaseLock.acquire(lease.connection("take the canary lock of"), kind, settings.lockTimeout(),
                settings.actor(), settings.clock(), "canary");
    }

    private static DatabaseKind kind(Connector.Lease lease) {
        try (Connection c = lease.connection("connect to")) {
            return DatabaseKind.of(c);
        } catch (SQLException e) {
            throw new io.drm.DatabaseUnavailableException("cannot connect to the database for the canary: "
                    + Failures.databaseError(e), e);
        }
    }
}
