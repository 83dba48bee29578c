package io.drm;

/**
 * A canary configuration release failed its health check; the configuration was rolled back.
 */
public class CanaryFailedException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-PROMO-010}. */
    public static final ErrorCode CODE = ErrorCode.of("PROMO", 10);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public CanaryFailedException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public CanaryFailedException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
