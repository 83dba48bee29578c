package io.drm;

/**
 * Thrown when a table diff, a drift check or a fingerprint failed while reading a database.
 */
public class DiffFailedException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-DIFF-020}. */
    public static final ErrorCode CODE = ErrorCode.of("DIFF", 20);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public DiffFailedException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public DiffFailedException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
