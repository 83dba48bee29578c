package io.drm;

/**
 * A configuration document ({@code .config.json} or {@code .config.yaml}) is not an object of keys to JSON values, or a value is not valid JSON.
 */
public class InvalidConfigException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-DATA-007}. */
    public static final ErrorCode CODE = ErrorCode.of("DATA", 7);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public InvalidConfigException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public InvalidConfigException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
