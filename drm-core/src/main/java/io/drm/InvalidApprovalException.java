package io.drm;

/**
 * {@link Approval#parse(String)} met text that is not a drm approval (not JSON, a field missing or
 * malformed): {@code DRM-POLICY-023}.
 */
public class InvalidApprovalException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The code: {@code DRM-POLICY-023}. */
    public static final ErrorCode CODE = ErrorCode.of("POLICY", 23);

    /**
     * Creates the exception.
     *
     * @param message what is wrong and what to do
     * @param cause the parser's failure, or {@code null}
     */
    public InvalidApprovalException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
