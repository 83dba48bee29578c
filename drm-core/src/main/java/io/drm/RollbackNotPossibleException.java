package io.drm;

/**
 * A rollback cannot be done: a step to undo has neither an undo script nor a safety snapshot, or its snapshot was purged. The message names every such step and what to do.
 */
public class RollbackNotPossibleException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-015}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 15);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where, and what to do
     */
    public RollbackNotPossibleException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where, and what to do
     * @param cause the underlying failure
     */
    public RollbackNotPossibleException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
