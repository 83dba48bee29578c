package io.drm;

/**
 * A configured location does not exist (no classpath resource or no directory).
 */
public class LocationNotFoundException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-004}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 4);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public LocationNotFoundException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public LocationNotFoundException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
