package io.drm;

/**
 * A file in a location looks like a migration but is misnamed, so it would be skipped silently by Flyway.
 */
public class InvalidMigrationNameException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-005}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 5);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public InvalidMigrationNameException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public InvalidMigrationNameException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
