package io.drm.audit;

import io.drm.DrmException;
import io.drm.ErrorCode;

/**
 * An audit sink could not write to its store (a full disk, a dropped table, a lost connection, a
 * log that no longer verifies), or could not open it. The sink refuses further events after such a
 * failure, so the chain never forks or skips; the release engine, whose audit is fail-closed, does
 * not start a release it cannot audit.
 */
public class AuditStoreException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-AUDIT-002}. */
    public static final ErrorCode CODE = ErrorCode.of("AUDIT", 2);

    /**
     * @param message what failed, where, and what to do
     */
    public AuditStoreException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what failed, where, and what to do
     * @param cause the underlying failure
     */
    public AuditStoreException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
