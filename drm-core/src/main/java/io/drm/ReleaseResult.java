package io.drm;

import java.util.List;
import java.util.Objects;

/**
 * What a release did. A release that fails throws a {@link DrmException} instead (for a failing
 * step, a {@link MigrationFailedException} that says which steps were applied).
 *
 * @param releaseId the release's id in the ledger ({@code drm_release.id}); for an up-to-date
 *     result that wrote nothing, the id of the release that brought the database to its state, or
 *     {@code null} if there is none
 * @param planId the id of the plan that was applied
 * @param appliedSteps the steps applied, in order, with their durations (empty when up to date)
 * @param fromVersion the schema version before the release ({@code null}: empty history)
 * @param toVersion the schema version after the release ({@code null}: empty history)
 * @param outcome what happened
 * @param artifacts the data artifacts and configuration documents loaded, in order, with their row counts
 * @param attestation what an applied release attests (signed when the release had an attestation
 *     key, else unsigned); {@code null} for up-to-date and rolled-back results
 */
public record ReleaseResult(
        String releaseId,
        String planId,
        List<AppliedStep> appliedSteps,
        String fromVersion,
        String toVersion,
        Outcome outcome,
        List<LoadedArtifact> artifacts,
        Attestation attestation) {

    /**
     * A result without an attestation.
     *
     * @param releaseId the release's id
     * @param planId the plan's id
     * @param appliedSteps the steps applied
     * @param fromVersion the version before
     * @param toVersion the version after
     * @param outcome what happened
     * @param artifacts the artifacts loaded
     */
    public ReleaseResult(String releaseId, String planId, List<AppliedStep> appliedSteps, String fromVersion,
            String toVersion, Outcome outcome, List<LoadedArtifact> artifacts) {
        this(releaseId, planId, appliedSteps, fromVersion, toVersion, outcome, artifacts, null);
    }

    /**
     * A result without artifacts.
     *
     * @param releaseId the release's id
     * @param planId the plan's id
     * @param appliedSteps the steps applied
     * @param fromVersion the version before
     * @param toVersion the version after
     * @param outcome what happened
     */
    public ReleaseResult(String releaseId, String planId, List<AppliedStep> appliedSteps, String fromVersion,
            String toVersion, Outcome outcome) {
        this(releaseId, planId, appliedSteps, fromVersion, toVersion, outcome, List.of());
    }

    /** What a release did. */
    public enum Outcome {
        /** The plan's steps were applied. */
        APPLIED,
        /** Nothing was pending: the database was already at the target. */
        UP_TO_DATE,
        /** A rollback undid the plan's steps. */
        ROLLED_BACK
    }

    /** Validates and copies. */
    public ReleaseResult {
        Objects.requireNonNull(planId, "planId");
        appliedSteps = List.copyOf(appliedSteps);
        Objects.requireNonNull(outcome, "outcome");
        artifacts = List.copyOf(artifacts);
    }

    /**
     * Tells whether the release found nothing to do.
     *
     * @return {@code true} when the database was already up to date
     */
    public boolean upToDate() {
        return outcome == Outcome.UP_TO_DATE;
    }
}
