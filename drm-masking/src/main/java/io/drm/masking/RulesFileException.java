package io.drm.masking;

import io.drm.ErrorCode;

/**
 * A masking rules file could not be written (a missing directory, no permission, a full disk). The message names the file, never a rule's values.
 */
public final class RulesFileException extends MaskingException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-MASK-008}. */
    public static final ErrorCode CODE = ErrorCode.of("MASK", 8);

    /** @param message what was wrong, where, what to do */
    public RulesFileException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what was wrong, where, what to do
     * @param cause the underlying failure
     */
    public RulesFileException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
