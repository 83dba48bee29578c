package io.drm.masking;

import io.drm.ErrorCode;

/**
 * The data key in an encrypted artifact's header (or an encrypted column value) does not authenticate under the keyring's key of that id: a wrong key was supplied under the right id, or the header was altered.
 */
public final class KeyUnwrapException extends MaskingException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CRYPTO-004}. */
    public static final ErrorCode CODE = ErrorCode.of("CRYPTO", 4);

    /** @param message what was wrong, where, what to do */
    public KeyUnwrapException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what was wrong, where, what to do
     * @param cause the underlying failure
     */
    public KeyUnwrapException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
