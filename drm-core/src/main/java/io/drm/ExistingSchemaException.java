package io.drm;

/**
 * The schema holds objects but no Flyway history, and no baseline (or Liquibase import) was configured: drm refuses to guess which migrations it already holds. The message names the objects found.
 */
public class ExistingSchemaException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-040}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 40);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public ExistingSchemaException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public ExistingSchemaException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
