package io.drm;

/**
 * A rollback target is not valid: the version is not in the history, is above the current version, lies below a baseline, or the release id is unknown or already undone.
 */
public class InvalidRollbackTargetException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-016}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 16);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where, and what to do
     */
    public InvalidRollbackTargetException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where, and what to do
     * @param cause the underlying failure
     */
    public InvalidRollbackTargetException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
