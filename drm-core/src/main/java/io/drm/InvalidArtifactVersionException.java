package io.drm;

/**
 * A string is not a valid artifact version ({@code name@version+sha256:hex}).
 */
public class InvalidArtifactVersionException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-012}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 12);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public InvalidArtifactVersionException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public InvalidArtifactVersionException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
