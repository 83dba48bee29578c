package io.drm;

/**
 * A value of a data artifact does not fit its column's type or size. The message names the file, row and column, and shows the value only when the column is not classified.
 */
public class ArtifactValueException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-DATA-004}. */
    public static final ErrorCode CODE = ErrorCode.of("DATA", 4);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public ArtifactValueException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public ArtifactValueException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
