package io.drm;

/**
 * Thrown when no schema snapshot has been recorded for this database yet.
 */
public class NoSchemaSnapshotException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-DIFF-001}. */
    public static final ErrorCode CODE = ErrorCode.of("DIFF", 1);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public NoSchemaSnapshotException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public NoSchemaSnapshotException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
