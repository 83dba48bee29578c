package io.drm;

/**
 * Flyway's validation of the applied history against the locations failed (missing, failed or out-of-order migrations).
 */
public class ValidationException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-013}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 13);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public ValidationException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public ValidationException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
