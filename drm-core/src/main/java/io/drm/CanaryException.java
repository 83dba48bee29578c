package io.drm;

/**
 * A canary configuration release cannot start (no earlier configuration version to return to) or its rollback failed.
 */
public class CanaryException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-PROMO-010}. */
    public static final ErrorCode CODE = ErrorCode.of("PROMO", 10);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public CanaryException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public CanaryException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
