package io.drm;

/**
 * The database or the locations changed between planning and applying, so the approved plan is no longer the one that would run.
 */
public class PlanChangedException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-011}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 11);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public PlanChangedException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public PlanChangedException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
