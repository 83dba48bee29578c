package io.drm.redis;

import io.drm.DrmException;
import io.drm.ErrorCode;

/**
 * Redis could not be reached or refused the connection (connection refused, timeout, TLS
 * handshake, wrong password or ACL user). The message names {@code host:port} and the logical
 * database, never the password. Raised before anything is written or switched: a release or a
 * canary with a configuration store it cannot reach does not start.
 */
public class RedisUnavailableException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** The stable code of this failure: {@code DRM-REDIS-001}. */
    public static final ErrorCode CODE = ErrorCode.of("REDIS", 1);

    /**
     * Creates the exception.
     *
     * @param message what failed, where, and what to do
     * @param cause the underlying failure
     */
    public RedisUnavailableException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
