package io.drm.masking;

import io.drm.ErrorCode;

/**
 * A masking job failed while reading or writing a database. The message says which table, how far the job got, and whether it can be resumed.
 */
public final class MaskingJobException extends MaskingException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-MASK-005}. */
    public static final ErrorCode CODE = ErrorCode.of("MASK", 5);

    /** @param message what was wrong, where, what to do */
    public MaskingJobException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what was wrong, where, what to do
     * @param cause the underlying failure
     */
    public MaskingJobException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
