package io.drm.internal;

import io.drm.CanaryCheck;
import io.drm.CanaryException;
import io.drm.CanaryResult;
import io.drm.ReleaseResult;
import io.drm.internal.data.JdbcConfigStore;
import io.drm.spi.AuditEvent;
import io.drm.spi.ConfigStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Runs a canary configuration release over the JDBC configuration store. */
public final class CanaryRun {

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
     * Releases, polls, rolls back on failure, audits.
     *
     * @return the result
     */
    public CanaryResult run() {
        ConfigStore store = new JdbcConfigStore(settings.connector());
        String previous = store.liveVersion().orElseThrow(() -> new CanaryException("a canary configuration release"
                + " needs a configuration version live to return to, and none is: release the first configuration"
                + " without a canary. Nothing was released."));
        ReleaseEngine engine = new ReleaseEngine(settings);
        ReleaseResult release = engine.apply(engine.plan());
        String released = store.liveVersion().orElse(previous);
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
                throw new CanaryException("the canary of configuration version " + released + " failed (" + failure
                        + "), and switching back to version " + previous + " failed: "
                        + Failures.firstLine(e.getMessage()) + ". Switch back by hand with config().store()"
                        + ".switchTo(\"" + previous + "\").", e);
            }
            live = previous;
        }
        Map<String, String> details = new LinkedHashMap<>();
        if (release.releaseId() != null) {
            details.put("releaseId", release.releaseId());
        }
        details.put("previousVersion", previous);
        details.put("releasedVersion", released);
        details.put("liveVersion", live);
        details.put("values", values.stream().map(String::valueOf).collect(Collectors.joining(",")));
        details.put("threshold", String.valueOf(check.threshold()));
        if (failure != null) {
            details.put("failure", failure);
        }
        String target;
        try (Connector.Lease lease = settings.connector().open()) {
            DatabaseKind kind;
            try (java.sql.Connection c = lease.connection("connect to")) {
                kind = DatabaseKind.of(c);
            }
            target = ReleaseEngine.target(lease, kind);
        } catch (java.sql.SQLException e) {
            target = "database";
        }
        new Auditor(settings, target).append(failure == null ? "canary.passed" : "canary.rolled_back",
                failure == null ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILURE, details,
                "The canary finished (configuration version " + live + " is live) but the audit trail misses it.");
        return new CanaryResult(release, previous, released, live, failure == null, values, failure);
    }
}
