package io.drm.masking;

import io.drm.ErrorCode;

/**
 * A masking key could not be had: an unknown key id, a missing environment variable, a keystore that cannot be read, or a key of the wrong size. The message names the key id, never the key.
 */
public final class MaskingKeyException extends MaskingException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-MASK-002}. */
    public static final ErrorCode CODE = ErrorCode.of("MASK", 2);

    /** @param message what was wrong, where, what to do */
    public MaskingKeyException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what was wrong, where, what to do
     * @param cause the underlying failure
     */
    public MaskingKeyException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
