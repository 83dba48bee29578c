package io.drm;

/**
 * An artifact does not fit the database: its target table or a column it names (in the header, the manifest or the key) does not exist, or a key column is missing from the file.
 */
public class ArtifactSchemaException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-DATA-003}. */
    public static final ErrorCode CODE = ErrorCode.of("DATA", 3);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public ArtifactSchemaException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public ArtifactSchemaException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
