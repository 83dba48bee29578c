package io.drm.masking;

import io.drm.ErrorCode;

/**
 * A segment of an encrypted artifact, or an encrypted column value, failed authentication: the data was altered, truncated (also exactly at a segment boundary), reordered, or spliced from another artifact. No plaintext of that segment was released.
 */
public final class IntegrityException extends MaskingException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CRYPTO-005}. */
    public static final ErrorCode CODE = ErrorCode.of("CRYPTO", 5);

    /** @param message what was wrong, where, what to do */
    public IntegrityException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what was wrong, where, what to do
     * @param cause the underlying failure
     */
    public IntegrityException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
