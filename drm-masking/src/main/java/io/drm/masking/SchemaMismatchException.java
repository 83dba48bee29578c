package io.drm.masking;

import io.drm.ErrorCode;

/**
 * Masking rules do not fit the database: a table or column that does not exist, or a masker that cannot handle the column's type. Nothing was written.
 */
public final class SchemaMismatchException extends MaskingException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-MASK-003}. */
    public static final ErrorCode CODE = ErrorCode.of("MASK", 3);

    /** @param message what was wrong, where, what to do */
    public SchemaMismatchException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what was wrong, where, what to do
     * @param cause the underlying failure
     */
    public SchemaMismatchException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
