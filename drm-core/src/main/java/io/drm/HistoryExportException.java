package io.drm;

/**
 * A history export given to the offline check ({@link DataRelease#check(java.nio.file.Path, String...)}) cannot be read or is not a CSV or JSON export of {@code flyway_schema_history}.
 */
public class HistoryExportException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-042}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 42);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public HistoryExportException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public HistoryExportException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
