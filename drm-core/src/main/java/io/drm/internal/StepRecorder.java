package io.drm.internal;

import io.drm.AppliedStep;
import io.drm.ReleaseStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * drm's Flyway callback: times each step, remembers which completed and which failed, and logs
 * progress. Used by one release on one thread.
 */
final class StepRecorder implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.release");

    private final String releaseId;
    private final Map<String, ReleaseStep> planned = new HashMap<>();
    private final Map<String, ScannedFile> files;
    private final int total;
    private final Runnable beforeFirstStep;
    private final StatementGuard guard;
    private boolean started;
    private final List<AppliedStep> completed = new ArrayList<>();
    private ReleaseStep running;
    private long runningSince;
    private ReleaseStep failed;
    private long failedAfterNanos;
    private int failedStatementNo = -1;

    /**
     * Creates a recorder.
     *
     * @param beforeFirstStep runs once when Flyway starts migrating, after it has created its history
     *     table and before the first step; a failure there stops the release
     */
    StepRecorder(String releaseId, List<ReleaseStep> steps, Map<String, ScannedFile> files,
            Runnable beforeFirstStep, StatementGuard guard) {
        this.releaseId = releaseId;
        this.guard = guard;
        this.beforeFirstStep = beforeFirstStep;
        for (ReleaseStep step : steps) {
            planned.put(step.source(), step);
        }
        this.files = files;
        this.total = steps.size();
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
                || event == Event.AFTER_EACH_MIGRATE_ERROR
                || (guard != null && event == Event.BEFORE_EACH_MIGRATE_STATEMENT);
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.BEFORE_MIGRATE || !started) {
            if (!started) {
                started = true;
                beforeFirstStep.run();
            }
            if (event == Event.BEFORE_MIGRATE) {
                return;
            }
        }
        if (event == Event.BEFORE_EACH_MIGRATE_STATEMENT) {
            if (context.getStatement() != null) {
                ReleaseStep step = running;
                try {
                    guard.before(context.getConnection(), step == null ? null : step.version(),
                            context.getStatement().getSql());
                } catch (java.sql.SQLException e) {
                    throw new org.flywaydb.core.api.FlywayException("drm could not take the safety snapshot or"
                            + " record the undo of a statement" + (step == null ? "" : " of " + step.source())
                            + ", so it did not run it: " + e.getMessage(), e);
                }
            }
            return;
        }
        MigrationInfo info = context.getMigrationInfo();
        if (info == null) {
            return;
        }
        if (event == Event.BEFORE_EACH_MIGRATE) {
            running = stepOf(info);
            runningSince = System.nanoTime();
            if (guard != null) {
                try {
                    guard.beginStep(context.getConnection(), running.version());
                } catch (java.sql.SQLException e) {
                    throw new org.flywaydb.core.api.FlywayException("drm could not record the start of step "
                            + running.source() + ", so it did not run it: " + e.getMessage(), e);
                }
            }
        } else if (event == Event.AFTER_EACH_MIGRATE) {
            ReleaseStep step = running != null ? running : stepOf(info);
            Duration took = Duration.ofNanos(System.nanoTime() - runningSince);
            completed.add(new AppliedStep(step, took));
            running = null;
            LOG.info("release {} - step {}/{} {} applied in {} ms", releaseId, completed.size(), total,
                    step.source(), took.toMillis());
        } else {
            failedStatementNo = guard == null ? -1 : guard.lastStatementNo();
            failed = running != null ? running : stepOf(info);
            failedAfterNanos = System.nanoTime() - runningSince;
            running = null;
        }
    }

    private ReleaseStep stepOf(MigrationInfo info) {
        ReleaseStep step = planned.get(info.getScript());
        return step != null ? step : Planner.step(info, files);
    }

    @Override
    public String getCallbackName() {
        return "drm";
    }

    /** Tells whether Flyway got as far as starting to migrate. */
    boolean started() {
        return started;
    }

    /** Returns the steps that completed, in order. */
    List<AppliedStep> completed() {
        return completed;
    }

    /** Returns the step that failed, or the one running when the failure came, or {@code null}. */
    ReleaseStep failed() {
        return failed != null ? failed : running;
    }

    /** Returns the undo log's number of the statement that failed, or -1 when unknown. */
    int failedStatementNo() {
        return failedStatementNo;
    }

    /** Returns how long the failed step ran before failing, in milliseconds. */
    long failedAfterMillis() {
        return Duration.ofNanos(failed != null ? failedAfterNanos : System.nanoTime() - runningSince).toMillis();
    }
}
