package io.drm.masking;

import io.drm.ErrorCode;

/**
 * The encrypted artifact (or encrypted column value) was encrypted under a key id that the keyring does not list. The message names the key id, never a key.
 */
public final class UnknownKeyIdException extends MaskingException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CRYPTO-003}. */
    public static final ErrorCode CODE = ErrorCode.of("CRYPTO", 3);

    /** @param message what was wrong, where, what to do */
    public UnknownKeyIdException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what was wrong, where, what to do
     * @param cause the underlying failure
     */
    public UnknownKeyIdException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
