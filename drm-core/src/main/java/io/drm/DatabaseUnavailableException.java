package io.drm;

/**
 * The database could not be reached: wrong host or port, server down, or network refused.
 */
public class DatabaseUnavailableException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-002}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 2);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public DatabaseUnavailableException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
