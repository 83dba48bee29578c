package io.drm.spi;

import io.drm.AppliedStep;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ReleaseListener} is told about a release.
 *
 * @param releaseId the release's id in {@code drm_release}, or {@code null} when none is known (a
 *     failure before the release had an id, an up-to-date check on a database drm never released)
 * @param planId the plan's id, or {@code null} when the failure came before a plan
 * @param environment the environment released to
 * @param outcome where the release stands
 * @param fromVersion the schema version before, or {@code null} (empty history or not known)
 * @param toVersion the schema version after (the target while running), or {@code null}
 * @param plannedSteps how many steps the plan has (0 when up to date or not known)
 * @param appliedSteps the steps applied so far, in order (empty when up to date or failed)
 * @param duration how long the release has run so far ({@link Duration#ZERO} at the start)
 */
public record ReleaseSummary(
        String releaseId,
        String planId,
        String environment,
        Outcome outcome,
        String fromVersion,
        String toVersion,
        int plannedSteps,
        List<AppliedStep> appliedSteps,
        Duration duration) {

    /** Where a release stands. */
    public enum Outcome {
        /** It has started applying steps. */
        STARTED,
        /** It applied its steps. */
        APPLIED,
        /** There was nothing to apply. */
        UP_TO_DATE,
        /** It failed. */
        FAILED
    }

    /** Validates and copies. */
    public ReleaseSummary {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(outcome, "outcome");
        if (plannedSteps < 0) {
            throw new IllegalArgumentException("plannedSteps must not be negative: " + plannedSteps);
        }
        appliedSteps = List.copyOf(appliedSteps);
        Objects.requireNonNull(duration, "duration");
    }
}
