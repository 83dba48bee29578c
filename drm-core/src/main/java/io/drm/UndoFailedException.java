package io.drm;

/**
 * An undo step failed while a rollback ran. The message names the step, the database's error, and exactly which steps were undone and which remain.
 */
public class UndoFailedException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-018}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 18);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where, and what to do
     */
    public UndoFailedException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where, and what to do
     * @param cause the underlying failure
     */
    public UndoFailedException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
