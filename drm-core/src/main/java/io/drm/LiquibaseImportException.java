package io.drm;

/**
 * A Liquibase {@code DATABASECHANGELOG} could not be imported as applied history (missing table, failed changesets, or a Flyway history already present).
 */
public class LiquibaseImportException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-041}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 41);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public LiquibaseImportException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public LiquibaseImportException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
