package io.drm.masking;

import io.drm.DrmException;
import io.drm.ErrorCode;

/**
 * Root of drm-masking's failures. Each subclass carries one stable code ({@code DRM-MASK-NNN}); a
 * message says what was wrong, where (file, table, column) and what to do, and never contains a
 * key, a token or an unmasked value.
 */
public abstract class MaskingException extends DrmException {

    private static final long serialVersionUID = 1L;

    /**
     * @param code the stable code
     * @param message what was wrong, where, what to do
     */
    protected MaskingException(ErrorCode code, String message) {
        super(code, message);
    }

    /**
     * @param code the stable code
     * @param message what was wrong, where, what to do
     * @param cause the underlying failure
     */
    protected MaskingException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
