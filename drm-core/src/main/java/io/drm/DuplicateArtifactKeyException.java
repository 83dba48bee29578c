package io.drm;

/**
 * Two rows of one data artifact have the same key, or a row of an {@code insert} artifact collides with a row already in the table.
 */
public class DuplicateArtifactKeyException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-DATA-005}. */
    public static final ErrorCode CODE = ErrorCode.of("DATA", 5);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public DuplicateArtifactKeyException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public DuplicateArtifactKeyException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
