package io.drm.spi;

import io.drm.AppliedStep;
import io.drm.DrmException;

/**
 * Hears what releases do, for metrics, notifications or tracing. Register one or more with
 * {@code DataRelease.Builder.listener(...)}; every method has an empty default, so a listener
 * implements only what it needs.
 *
 * <p>Contract: methods are called on the thread that runs the release, in the order things
 * happen, and should return quickly (hand slow work to another thread). A listener that throws
 * does not change the release: drm logs a WARN (once per listener and method) and goes on. Unlike
 * the {@link AuditSink}, a listener is not fail-closed and is no record of what happened.
 * Listeners used by several releases at once must be thread-safe.
 *
 * <pre>{@code
 * DataRelease.configure()
 *         .dataSource(ds)
 *         .locations("classpath:db/release")
 *         .listener(new ReleaseListener() {
 *             public void onReleaseFailed(ReleaseSummary release, DrmException failure) {
 *                 pager.alert(release.environment() + ": " + failure.code());
 *             }
 *         })
 *         .onStartup();
 * }</pre>
 */
public interface ReleaseListener {

    /**
     * A release took the lock, found steps to apply and recorded {@code release.started}.
     *
     * @param release the release, with outcome {@link ReleaseSummary.Outcome#STARTED}
     */
    default void onReleaseStarted(ReleaseSummary release) {
    }

    /**
     * A step of a successful release was applied; called for each step in order, once the release's
     * steps ran and before {@link #onReleaseCompleted}.
     *
     * @param release the release, with outcome {@link ReleaseSummary.Outcome#STARTED}
     * @param step the step and how long it ran
     */
    default void onStepApplied(ReleaseSummary release, AppliedStep step) {
    }

    /**
     * A release applied its steps and recorded them.
     *
     * @param release the release, with outcome {@link ReleaseSummary.Outcome#APPLIED}
     */
    default void onReleaseCompleted(ReleaseSummary release) {
    }

    /**
     * A release, a plan or a startup check failed (a failing step, a lock timeout, a changed
     * checksum, an audit sink that cannot write, a database that cannot be reached...). Called
     * before the exception reaches the caller.
     *
     * @param release the release as far as it is known (its id is {@code null} when it failed before
     *     it had one), with outcome {@link ReleaseSummary.Outcome#FAILED}
     * @param failure the exception the caller gets, with its error code
     */
    default void onReleaseFailed(ReleaseSummary release, DrmException failure) {
    }

    /**
     * A release or a startup check found nothing to apply.
     *
     * @param release the release, with outcome {@link ReleaseSummary.Outcome#UP_TO_DATE}
     */
    default void onUpToDate(ReleaseSummary release) {
    }
}
