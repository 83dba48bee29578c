package io.drm;

/**
 * A configuration store could not read or write: a database error, or a version that the store does not hold.
 */
public class ConfigStoreException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-DATA-008}. */
    public static final ErrorCode CODE = ErrorCode.of("DATA", 8);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public ConfigStoreException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public ConfigStoreException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
