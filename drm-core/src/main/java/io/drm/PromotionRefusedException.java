package io.drm;

/**
 * A release was refused before the release lock, with nothing written: the environment needs an
 * attestation from the environment before it, and the attestation given is missing
 * ({@code DRM-PROMO-002}), not validly signed by a trusted key ({@code DRM-PROMO-003}), from the
 * wrong environment ({@code DRM-PROMO-004}) or for different content ({@code DRM-PROMO-005}).
 */
public class PromotionRefusedException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** No attestation was given: {@code DRM-PROMO-002}. */
    public static final ErrorCode MISSING = ErrorCode.of("PROMO", 2);
    /** Unsigned, altered, or signed by a key that is not trusted: {@code DRM-PROMO-003}. */
    public static final ErrorCode UNTRUSTED = ErrorCode.of("PROMO", 3);
    /** Attested for another environment than the one required: {@code DRM-PROMO-004}. */
    public static final ErrorCode WRONG_ENVIRONMENT = ErrorCode.of("PROMO", 4);
    /** Attests other steps, checksums or artifacts than the plan about to run: {@code DRM-PROMO-005}. */
    public static final ErrorCode DIFFERENT_CONTENT = ErrorCode.of("PROMO", 5);

    /**
     * Creates the exception.
     *
     * @param code one of this class's codes
     * @param message what was refused and what to do
     */
    public PromotionRefusedException(ErrorCode code, String message) {
        super(code, message);
    }
}
