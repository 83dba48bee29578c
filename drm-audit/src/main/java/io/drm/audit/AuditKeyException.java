package io.drm.audit;

import io.drm.DrmException;
import io.drm.ErrorCode;

/**
 * An audit signing key or public key could not be loaded: the input is not an Ed25519 key in the
 * expected form (PKCS#8 or SubjectPublicKeyInfo PEM, or 32 raw bytes), it is encrypted, damaged or
 * of another algorithm, or its file cannot be read.
 *
 * <p>The message says what is wrong and what to supply instead; it never contains key material.
 */
public final class AuditKeyException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-AUDIT-001}. */
    public static final ErrorCode CODE = ErrorCode.of("AUDIT", 1);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, where and what to do
     */
    public AuditKeyException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, where and what to do
     * @param cause the underlying failure
     */
    public AuditKeyException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
