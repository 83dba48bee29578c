package io.drm;

/**
 * An artifact's manifest ({@code <file>.manifest.json}) is not valid: not JSON, an unknown field or load mode, a key that is missing in {@code upsert} or {@code replace} mode, or a manifest without its artifact.
 */
public class InvalidManifestException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-DATA-002}. */
    public static final ErrorCode CODE = ErrorCode.of("DATA", 2);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public InvalidManifestException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public InvalidManifestException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
