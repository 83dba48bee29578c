package io.drm.masking;

import io.drm.ErrorCode;

/**
 * A masking job or masked copy was built without what it needs (a masked copy without a target or rules, or with its source as the target). The message names the missing part.
 */
public final class JobConfigurationException extends MaskingException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-MASK-007}. */
    public static final ErrorCode CODE = ErrorCode.of("MASK", 7);

    /** @param message what was wrong, where, what to do */
    public JobConfigurationException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what was wrong, where, what to do
     * @param cause the underlying failure
     */
    public JobConfigurationException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
