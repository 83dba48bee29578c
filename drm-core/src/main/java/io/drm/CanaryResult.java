package io.drm;

import java.util.List;
import java.util.Objects;

/**
 * What a canary configuration release did.
 *
 * @param release the release that put the new configuration live
 * @param previousVersion the configuration version live before
 * @param releasedVersion the configuration version the release put live
 * @param liveVersion the configuration version live now (the previous one after a rollback)
 * @param passed whether every poll in the window was healthy
 * @param values the KPI values seen, in order ({@code NaN} for a poll that threw)
 * @param failure why the canary failed (a low value or the check's exception message), or {@code null}
 */
public record CanaryResult(ReleaseResult release, String previousVersion, String releasedVersion, String liveVersion,
        boolean passed, List<Double> values, String failure) {

    /** Validates and copies. */
    public CanaryResult {
        Objects.requireNonNull(release, "release");
        values = List.copyOf(values);
    }

    /**
     * Tells whether the configuration was rolled back.
     *
     * @return {@code true} when the canary failed and the previous version is live again
     */
    public boolean rolledBack() {
        return !passed;
    }
}
