package io.drm;

import java.time.Duration;
import java.util.Objects;

/**
 * A step that a release applied, with how long it took.
 *
 * @param step the planned step
 * @param duration how long the step ran
 */
public record AppliedStep(ReleaseStep step, Duration duration) {

    /** Validates the record. */
    public AppliedStep {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(duration, "duration");
    }

    /**
     * Returns the version of the step.
     *
     * @return the version, {@code null} for a repeatable step
     */
    public String version() {
        return step.version();
    }
}
