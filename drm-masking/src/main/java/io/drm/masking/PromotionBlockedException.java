package io.drm.masking;

import io.drm.ErrorCode;

/**
 * A copy from a higher environment to a lower one was refused because a column classified PII, PHI, PCI or SECRET has no masking rule. The message names every such column.
 */
public final class PromotionBlockedException extends MaskingException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-MASK-006}. */
    public static final ErrorCode CODE = ErrorCode.of("MASK", 6);

    /** @param message what was wrong, where, what to do */
    public PromotionBlockedException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what was wrong, where, what to do
     * @param cause the underlying failure
     */
    public PromotionBlockedException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
