package io.drm.masking;

import io.drm.ErrorCode;

/**
 * A masking rules file or builder is invalid: not JSON or YAML, an unknown masker, a missing or bad parameter. Nothing was masked.
 */
public final class InvalidRulesException extends MaskingException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-MASK-001}. */
    public static final ErrorCode CODE = ErrorCode.of("MASK", 1);

    /** @param message what was wrong, where, what to do */
    public InvalidRulesException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what was wrong, where, what to do
     * @param cause the underlying failure
     */
    public InvalidRulesException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
