package io.drm;

import java.util.Objects;

/**
 * Why a policy does not let a release plan run as it is: which rule, which code, what was found and
 * how to satisfy the rule. Listed by {@link ReleasePlan#violations()} and carried by a
 * {@link PolicyViolationException}.
 *
 * @param rule the rule's id, such as {@code require-approval} or {@code release-window}
 * @param code the stable error code of the rule ({@code DRM-POLICY-0xx})
 * @param message what was found, where (step, file, line, table); never a value from the data
 * @param remedy how to satisfy the rule (approve, add an undo script, wait for the window...)
 * @param waivable whether a valid {@link Approval} of the plan lets the release run despite it
 */
public record PolicyViolation(String rule, ErrorCode code, String message, String remedy, boolean waivable) {

    /** Validates. */
    public PolicyViolation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(remedy, "remedy");
        if (rule.isBlank()) {
            throw new IllegalArgumentException("rule must not be blank");
        }
    }

    /**
     * Describes the violation on one line.
     *
     * @return {@code code rule: message. remedy}
     */
    public String explain() {
        return code + " " + rule + (waivable ? " (an approval waives it)" : "") + ": " + message + ". " + remedy;
    }

    @Override
    public String toString() {
        return explain();
    }
}
