package io.drm;

/**
 * An already-applied migration was edited afterwards: its content no longer matches what was applied.
 */
public class ChecksumMismatchException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-007}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 7);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public ChecksumMismatchException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public ChecksumMismatchException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
