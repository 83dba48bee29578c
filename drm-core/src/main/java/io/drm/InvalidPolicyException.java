package io.drm;

/**
 * A policy file (JSON or YAML) or a policy built in Java is invalid: not JSON or YAML, a wrong
 * {@code version}, an unknown rule or field, a missing or ill-typed value. The message names the
 * file, the line and the field ({@code rules[2].limit}); {@code DRM-POLICY-001}.
 */
public class InvalidPolicyException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The code: {@code DRM-POLICY-001}. */
    public static final ErrorCode CODE = ErrorCode.of("POLICY", 1);

    /**
     * Creates the exception.
     *
     * @param message what is wrong, where, and what to do
     * @param cause the parser's failure, or {@code null}
     */
    public InvalidPolicyException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
