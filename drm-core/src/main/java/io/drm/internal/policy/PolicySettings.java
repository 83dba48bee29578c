package io.drm.internal.policy;

import io.drm.spi.ReleasePolicy;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The frozen policies and approvers of a release.
 *
 * @param rules the rules, in registration order; empty when no policy is configured
 * @param approvers environment to (approver name to public key)
 * @param approvalValidity how long after its time an approval is accepted
 */
public record PolicySettings(List<ReleasePolicy> rules, Map<String, Map<String, PublicKey>> approvers,
        Duration approvalValidity) {

    /** No policies, no approvers. */
    public static final PolicySettings NONE = new PolicySettings(List.of(), Map.of(), Duration.ofDays(7));

    /** Validates and copies. */
    public PolicySettings {
        rules = List.copyOf(rules);
        approvers = approvers.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
        Objects.requireNonNull(approvalValidity, "approvalValidity");
    }

    /**
     * Tells whether anything is to be checked.
     *
     * @return {@code true} when rules are configured
     */
    public boolean active() {
        return !rules.isEmpty();
    }
}
