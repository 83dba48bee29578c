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
 * @param contentHash the content hash of the locations
 * @param stamp the stamp of the locations (sizes and times)
 * @param historyFingerprint the fingerprint of Flyway's history
 * @param headReleaseId the ledger's latest release, or {@code null}
 * @param fastPath whether the plan came from the ledger without a Flyway scan
 */
public record PlanState(String id, String currentVersion, String targetVersion, List<ReleaseStep> steps,
        String contentHash, String stamp, String historyFingerprint, String headReleaseId, boolean fastPath) {

    /** Copies. */
    public PlanState {
        steps = List.copyOf(steps);
    }

    /**
     * Creates a plan state, computing its id.
     *
     * @param currentVersion the schema version now
     * @param targetVersion the schema version after the plan
     * @param steps the steps
     * @param contentHash the content hash of the locations
     * @param stamp the stamp of the locations
     * @param historyFingerprint the fingerprint of Flyway's history
     * @param headReleaseId the ledger's latest release, or {@code null}
     * @param fastPath whether the plan came from the ledger
     * @return the state
     */
    public static PlanState of(String currentVersion, String targetVersion, List<ReleaseStep> steps,
            String contentHash, String stamp, String historyFingerprint, String headReleaseId, boolean fastPath) {
        return new PlanState(id(currentVersion, targetVersion, steps), currentVersion, targetVersion, steps,
                contentHash, stamp, historyFingerprint, headReleaseId, fastPath);
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
        MessageDigest digest = Hashing.sha256();
        digest.update(("drm-plan-v1\ncurrent=" + nullToEmpty(currentVersion) + "\ntarget="
                + nullToEmpty(targetVersion) + "\n").getBytes(StandardCharsets.UTF_8));
        for (ReleaseStep step : steps) {
            digest.update((step.canonical() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Tells whether nothing is to be applied.
     *
     * @return {@code true} for an empty plan
     */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
