package io.drm;

import java.util.List;

/**
 * A release was blocked by its policies before the release lock, with nothing written. The code is
 * the first blocking rule's ({@code DRM-POLICY-010}..{@code DRM-POLICY-019}); {@link #violations()}
 * lists every rule that blocked, each with how to satisfy it.
 */
public class PolicyViolationException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** A breaking change needs an approval: {@code DRM-POLICY-010}. */
    public static final ErrorCode APPROVAL_REQUIRED = ErrorCode.of("POLICY", 10);
    /** A statement destroys data that neither an undo script nor a safety snapshot covers: {@code DRM-POLICY-011}. */
    public static final ErrorCode DESTRUCTIVE_WITHOUT_UNDO = ErrorCode.of("POLICY", 11);
    /** No valid attestation from the previous environment: {@code DRM-POLICY-012}. */
    public static final ErrorCode ATTESTATION_REQUIRED = ErrorCode.of("POLICY", 12);
    /** Classified columns without masking rules: {@code DRM-POLICY-013}. */
    public static final ErrorCode UNMASKED_COLUMNS = ErrorCode.of("POLICY", 13);
    /** A data step touches more rows than allowed: {@code DRM-POLICY-014}. */
    public static final ErrorCode TOO_MANY_ROWS = ErrorCode.of("POLICY", 14);
    /** Outside the release window: {@code DRM-POLICY-015}. */
    public static final ErrorCode OUTSIDE_WINDOW = ErrorCode.of("POLICY", 15);
    /** A superuser or plain-text connection where least privilege is required: {@code DRM-POLICY-016}. */
    public static final ErrorCode PRIVILEGED_CONNECTION = ErrorCode.of("POLICY", 16);
    /** A user rule (from a policy file's {@code findings} rule or Java) blocked: {@code DRM-POLICY-017}. */
    public static final ErrorCode USER_RULE = ErrorCode.of("POLICY", 17);

    private final transient List<PolicyViolation> violations;

    /**
     * Creates the exception.
     *
     * @param violations the violations that block, at least one; the first one's code is the code
     * @param message what was blocked and how to satisfy each rule
     */
    public PolicyViolationException(List<PolicyViolation> violations, String message) {
        super(violations.get(0).code(), message);
        this.violations = List.copyOf(violations);
    }

    /**
     * Returns the violations that blocked the release.
     *
     * @return at least one violation
     */
    public List<PolicyViolation> violations() {
        return violations;
    }
}
