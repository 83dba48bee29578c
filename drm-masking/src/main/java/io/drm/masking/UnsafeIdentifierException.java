package io.drm.masking;

import io.drm.ErrorCode;

/**
 * A table or column name cannot be quoted safely for the database (it holds the quote character, a NUL or a control character). Nothing was written.
 */
public final class UnsafeIdentifierException extends MaskingException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-MASK-004}. */
    public static final ErrorCode CODE = ErrorCode.of("MASK", 4);

    /** @param message what was wrong, where, what to do */
    public UnsafeIdentifierException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what was wrong, where, what to do
     * @param cause the underlying failure
     */
    public UnsafeIdentifierException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
