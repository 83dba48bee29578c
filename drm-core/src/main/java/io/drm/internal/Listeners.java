package io.drm.internal;

import io.drm.AppliedStep;
import io.drm.DrmException;
import io.drm.MigrationFailedException;
import io.drm.ReleaseResult;
import io.drm.spi.ReleaseListener;
import io.drm.spi.ReleaseSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the configured {@link ReleaseListener}s what a release does. A listener that throws is
 * logged at WARN once per release, listener and method, and never changes the release.
 */
public final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.release");
    private final Settings settings;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * @param settings the release's settings (listeners, environment, clock)
     */
    public Listeners(Settings settings) {
        this.settings = settings;
    }

    /** The release found steps and recorded its start. */
    void started(String releaseId, PlanState plan) {
        if (settings.listeners().isEmpty()) {
            return;
        }
        ReleaseSummary summary = new ReleaseSummary(releaseId, plan.id(), settings.environment(),
                ReleaseSummary.Outcome.STARTED, plan.currentVersion(), plan.targetVersion(), plan.steps().size(),
                List.of(), Duration.ZERO);
        fire("onReleaseStarted", l -> l.onReleaseStarted(summary));
    }

    /**
     * The release (or startup check) returned a result.
     *
     * @param result the result
     * @param start when the call began
     */
    void finished(ReleaseResult result, Instant start) {
        if (settings.listeners().isEmpty()) {
            return;
        }
        Duration duration = since(start);
        if (result.upToDate()) {
            ReleaseSummary summary = new ReleaseSummary(result.releaseId(), result.planId(), settings.environment(),
                    ReleaseSummary.Outcome.UP_TO_DATE, result.fromVersion(), result.toVersion(), 0, List.of(),
                    duration);
            fire("onUpToDate", l -> l.onUpToDate(summary));
            return;
        }
        int planned = result.appliedSteps().size();
        ReleaseSummary running = new ReleaseSummary(result.releaseId(), result.planId(), settings.environment(),
                ReleaseSummary.Outcome.STARTED, result.fromVersion(), result.toVersion(), planned, List.of(), duration);
        for (AppliedStep step : result.appliedSteps()) {
            fire("onStepApplied", l -> l.onStepApplied(running, step));
        }
        ReleaseSummary done = new ReleaseSummary(result.releaseId(), result.planId(), settings.environment(),
                ReleaseSummary.Outcome.APPLIED, result.fromVersion(), result.toVersion(), planned,
                result.appliedSteps(), duration);
        fire("onReleaseCompleted", l -> l.onReleaseCompleted(done));
    }

    /**
     * The release (or startup check, or plan) failed.
     *
     * @param failure what the caller gets
     * @param start when the call began
     */
    void failed(DrmException failure, Instant start) {
        if (settings.listeners().isEmpty()) {
            return;
        }
        String releaseId = failure instanceof MigrationFailedException m ? m.releaseId() : null;
        ReleaseSummary summary = new ReleaseSummary(releaseId, null, settings.environment(),
                ReleaseSummary.Outcome.FAILED, null, null, 0, List.of(), since(start));
        fire("onReleaseFailed", l -> l.onReleaseFailed(summary, failure));
    }

    private Duration since(Instant start) {
        Duration d = Duration.between(start, settings.clock().instant());
        return d.isNegative() ? Duration.ZERO : d;
    }

    private void fire(String method, Consumer<ReleaseListener> call) {
        for (ReleaseListener listener : settings.listeners()) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                String key = listener.getClass().getName() + "#" + method;
                if (warned.add(key)) {
                    LOG.warn("release listener {} threw from {} ({}); the release goes on, and further failures of"
                            + " this listener's {} in this release are not logged", listener.getClass().getName(), method,
                            Failures.firstLine(String.valueOf(e.getMessage())), method);
                }
            }
        }
    }
}
