package io.drm;

/**
 * A data artifact's file cannot be read as its format says: malformed CSV, JSON or NDJSON (the message names the file, line and column), a row with more or fewer fields than the header, or an empty header.
 */
public class InvalidArtifactException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-DATA-001}. */
    public static final ErrorCode CODE = ErrorCode.of("DATA", 1);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public InvalidArtifactException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public InvalidArtifactException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
