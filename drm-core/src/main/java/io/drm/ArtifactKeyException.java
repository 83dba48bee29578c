package io.drm;

/**
 * An encrypted artifact cannot be decrypted: no keyring was given to {@code DataRelease.Builder.keyring(...)}. Raised at plan time, before anything is written.
 */
public class ArtifactKeyException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-DATA-006}. */
    public static final ErrorCode CODE = ErrorCode.of("DATA", 6);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public ArtifactKeyException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public ArtifactKeyException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
