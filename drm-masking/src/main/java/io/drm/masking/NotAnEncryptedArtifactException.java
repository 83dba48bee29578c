package io.drm.masking;

import io.drm.ErrorCode;

/**
 * The input is not a drm encrypted artifact: it is empty, does not start with the format's magic bytes, or its header is cut short or malformed. Nothing was decrypted.
 */
public final class NotAnEncryptedArtifactException extends MaskingException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-CRYPTO-001}. */
    public static final ErrorCode CODE = ErrorCode.of("CRYPTO", 1);

    /** @param message what was wrong, where, what to do */
    public NotAnEncryptedArtifactException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what was wrong, where, what to do
     * @param cause the underlying failure
     */
    public NotAnEncryptedArtifactException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
