package io.drm;

/**
 * drm could not read or write its own tables ({@code drm_release}, {@code drm_release_step}, {@code drm_lock}).
 */
public class LedgerException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CORE-014}. */
    public static final ErrorCode CODE = ErrorCode.of("CORE", 14);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public LedgerException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public LedgerException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
