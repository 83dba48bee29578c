package io.drm.internal;

import io.drm.ReleaseStep;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * A plan as the engine sees it: the public parts plus the state it was computed from.
 *
 * @param id the plan id
 * @param currentVersion the schema version now
 * @param targetVersion the schema version after the plan
 * @param steps the steps
 * @param scan the scanned locations the plan was made from (no files when it came from the stamp)
 * @param historyFingerprint the fingerprint of Flyway's history
 * @param headReleaseId the ledger's latest release, or {@code null}
 * @param fastPath whether the plan came from the ledger without a Flyway scan
 * @param actions what the release does to the history before its steps (baseline, import, re-checksum)
 */
public record PlanState(String id, String currentVersion, String targetVersion, List<ReleaseStep> steps,
        ScannedLocations scan, String historyFingerprint, String headReleaseId, boolean fastPath,
        List<HistoryAction> actions) {

    /** Copies. */
    public PlanState {
        steps = List.copyOf(steps);
        actions = List.copyOf(actions);
    }

    /**
     * Returns this state with history actions, and the id that covers them.
     *
     * @param newActions the actions
     * @return the new state
     */
    public PlanState withActions(List<HistoryAction> newActions) {
        return new PlanState(id(currentVersion, targetVersion, steps, newActions), currentVersion, targetVersion,
                steps, scan, historyFingerprint, headReleaseId, fastPath, newActions);
    }

    /**
     * Returns this state with another current version (the baseline's).
     *
     * @param version the version
     * @return the new state, with its id
     */
    public PlanState withCurrentVersion(String version) {
        String target = targetVersion == null || (version != null
                && io.drm.ArtifactVersion.compareVersions(targetVersion, version) < 0) ? version : targetVersion;
        return new PlanState(id(version, target, steps, actions), version, target, steps, scan, historyFingerprint,
                headReleaseId, fastPath, actions);
    }

    /**
     * Creates a plan state, computing its id.
     *
     * @param currentVersion the schema version now
     * @param targetVersion the schema version after the plan
     * @param steps the steps
     * @param scan the scanned locations
     * @param historyFingerprint the fingerprint of Flyway's history
     * @param headReleaseId the ledger's latest release, or {@code null}
     * @param fastPath whether the plan came from the ledger
     * @return the state
     */
    public static PlanState of(String currentVersion, String targetVersion, List<ReleaseStep> steps,
            ScannedLocations scan, String historyFingerprint, String headReleaseId, boolean fastPath) {
        return new PlanState(id(currentVersion, targetVersion, steps), currentVersion, targetVersion, steps,
                scan, historyFingerprint, headReleaseId, fastPath, List.of());
    }

    /**
     * Returns this state with other steps, from an empty history: the target is the last version.
     *
     * @param newSteps the steps
     * @return the new state, with its id
     */
    public PlanState withSteps(List<ReleaseStep> newSteps) {
        String target = currentVersion;
        for (ReleaseStep step : newSteps) {
            if (step.version() != null) {
                target = step.version();
            }
        }
        return of(currentVersion, target, newSteps, scan, historyFingerprint, headReleaseId, fastPath)
                .withActions(actions);
    }

    /**
     * Returns this state recorded under another ledger release.
     *
     * @param releaseId the release that recorded it
     * @return the new state
     */
    public PlanState recordedAs(String releaseId) {
        return new PlanState(id, currentVersion, targetVersion, steps, scan, historyFingerprint, releaseId, fastPath,
                actions);
    }

    /**
     * Returns the content hash of the locations.
     *
     * @return the hash
     */
    public String contentHash() {
        return scan.contentHash();
    }

    /**
     * Returns the stamp of the locations.
     *
     * @return the stamp
     */
    public String stamp() {
        return scan.stamp();
    }

    /**
     * Computes a plan id: SHA-256 over the current version, the target and the canonical steps.
     *
     * @param currentVersion the schema version now
     * @param targetVersion the schema version after the plan
     * @param steps the steps
     * @return 64 hex digits
     */
    public static String id(String currentVersion, String targetVersion, List<ReleaseStep> steps) {
        return id(currentVersion, targetVersion, steps, List.of());
    }

    /**
     * Computes a plan id that also covers history actions (none: the same id as without).
     *
     * @param currentVersion the schema version now
     * @param targetVersion the schema version after the plan
     * @param steps the steps
     * @param actions the history actions
     * @return 64 hex digits
     */
    public static String id(String currentVersion, String targetVersion, List<ReleaseStep> steps,
            List<HistoryAction> actions) {
        MessageDigest digest = Hashing.sha256();
        digest.update(("drm-plan-v1\ncurrent=" + nullToEmpty(currentVersion) + "\ntarget="
                + nullToEmpty(targetVersion) + "\n").getBytes(StandardCharsets.UTF_8));
        for (ReleaseStep step : steps) {
            digest.update((step.canonical() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        for (HistoryAction action : actions) {
            digest.update((action.canonical() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Tells whether nothing is to be applied: no step and no history action.
     *
     * @return {@code true} for an empty plan
     */
    public boolean isEmpty() {
        return steps.isEmpty() && actions.isEmpty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
