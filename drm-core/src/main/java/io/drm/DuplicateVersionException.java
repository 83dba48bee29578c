package io.drm;

/**
 * Two migrations in the locations have the same version.
 */
public class DuplicateVersionException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-006}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 6);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public DuplicateVersionException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public DuplicateVersionException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
