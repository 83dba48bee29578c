package io.drm.spring;

import io.drm.DrmException;
import io.drm.ErrorCode;

/**
 * The {@code drm.*} properties are inconsistent or name something that is not there (for example
 * {@code drm.audit.jdbc=true} without drm-audit on the class path, a signing key without an audit
 * sink, a blank environment). The application does not start and nothing was released.
 */
public class DrmBootConfigurationException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-BOOT-001}. */
    public static final ErrorCode CODE = ErrorCode.of("BOOT", 1);

    /**
     * Creates the exception.
     *
     * @param message what was wrong, which property, and what to do
     */
    public DrmBootConfigurationException(String message) {
        super(CODE, message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was wrong, which property, and what to do
     * @param cause the underlying failure
     */
    public DrmBootConfigurationException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
