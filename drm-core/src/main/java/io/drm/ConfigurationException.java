package io.drm;

/**
 * The release configuration is incomplete or inconsistent (for example no data source or no location).
 */
public class ConfigurationException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-001}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 1);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public ConfigurationException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public ConfigurationException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
