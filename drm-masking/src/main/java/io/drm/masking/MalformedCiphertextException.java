package io.drm.masking;

import io.drm.ErrorCode;

/**
 * A value given to a column decrypter is not a drm column ciphertext: not canonical base64, too
 * short, an unknown format byte, or a key id that does not fit. Nothing was decrypted; the message
 * never holds the value.
 */
public final class MalformedCiphertextException extends MaskingException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CRYPTO-006}. */
    public static final ErrorCode CODE = ErrorCode.of("CRYPTO", 6);

    /** @param message what was wrong, where, what to do */
    public MalformedCiphertextException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what was wrong, where, what to do
     * @param cause the underlying failure
     */
    public MalformedCiphertextException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
