package io.drm;

/**
 * The database refused the credentials. The message names the user, never the password.
 */
public class AuthenticationFailedException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-003}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 3);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public AuthenticationFailedException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public AuthenticationFailedException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
