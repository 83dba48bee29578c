package io.drm;

/**
 * A dry run could not be done at all: a migration file of the plan could not be read. A dry run
 * that merely cannot execute (no permission to create a shadow database, say) is no exception: its
 * {@link DryRunReport} says so, step by step.
 */
public class DryRunException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-070}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 70);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public DryRunException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public DryRunException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
