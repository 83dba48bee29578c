package io.drm;

/**
 * An approval given to {@link ReleasePlan#apply(Approval...)} was refused before the release lock,
 * with nothing written: it approves another plan ({@code DRM-POLICY-020}, also after one byte of
 * one migration changed), its signature is not valid by the key of a listed approver of the
 * environment (forged, altered, unknown approver or key: {@code DRM-POLICY-021}), or it has expired
 * or is dated in the future ({@code DRM-POLICY-022}).
 */
public class ApprovalRefusedException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The approval is for another plan id: {@code DRM-POLICY-020}. */
    public static final ErrorCode OTHER_PLAN = ErrorCode.of("POLICY", 20);
    /** Not validly signed by a listed approver's key: {@code DRM-POLICY-021}. */
    public static final ErrorCode UNTRUSTED = ErrorCode.of("POLICY", 21);
    /** Older than the approval validity, or dated after now: {@code DRM-POLICY-022}. */
    public static final ErrorCode EXPIRED = ErrorCode.of("POLICY", 22);

    /**
     * Creates the exception.
     *
     * @param code one of this class's codes
     * @param message what was refused and what to do
     */
    public ApprovalRefusedException(ErrorCode code, String message) {
        super(code, message);
    }
}
