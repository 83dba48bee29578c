package io.drm;

/**
 * An undo script ({@code U<version>__*.sql}) has no versioned script of the same version in the locations.
 */
public class OrphanUndoScriptException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-019}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 19);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where, and what to do
     */
    public OrphanUndoScriptException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where, and what to do
     * @param cause the underlying failure
     */
    public OrphanUndoScriptException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
