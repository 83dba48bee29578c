package io.drm;

/**
 * The audit sink could not record an event. Audit is fail-closed: a release whose start cannot be audited does not start.
 */
public class AuditException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-010}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 10);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public AuditException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public AuditException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
