package io.drm.masking;

import io.drm.ErrorCode;

/**
 * The encrypted artifact's header names a format version newer than this drm understands. Nothing was decrypted; upgrade drm to read it.
 */
public final class UnsupportedFormatVersionException extends MaskingException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CRYPTO-002}. */
    public static final ErrorCode CODE = ErrorCode.of("CRYPTO", 2);

    /** @param message what was wrong, where, what to do */
    public UnsupportedFormatVersionException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what was wrong, where, what to do
     * @param cause the underlying failure
     */
    public UnsupportedFormatVersionException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
