package io.drm;

/**
 * An attestation's text cannot be read: not JSON, or fields missing or malformed.
 */
public class InvalidAttestationException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-PROMO-001}. */
    public static final ErrorCode CODE = ErrorCode.of("PROMO", 1);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public InvalidAttestationException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public InvalidAttestationException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
