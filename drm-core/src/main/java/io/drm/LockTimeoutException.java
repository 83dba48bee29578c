package io.drm;

/**
 * The release lock could not be taken within the configured timeout: another release holds it.
 */
public class LockTimeoutException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-008}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 8);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public LockTimeoutException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public LockTimeoutException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
