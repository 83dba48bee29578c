package io.drm;

import java.util.Objects;

/**
 * The root of every failure a user of drm can cause or meet. Each subclass stands for one kind of
 * failure and carries a stable {@link ErrorCode}; the message starts with the code, says what was
 * wrong, where, and what to do, and never contains a password, key or unmasked value.
 */
public class DrmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * Creates an exception.
     *
     * @param code the stable code
     * @param message what was wrong, where and what to do (without the code; it is prepended)
     */
    public DrmException(ErrorCode code, String message) {
        this(code, message, null);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param code the stable code
     * @param message what was wrong, where and what to do (without the code; it is prepended)
     * @param cause the underlying failure, or {@code null}
     */
    public DrmException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(code, "code") + ": " + message, cause);
        this.code = code;
    }

    /**
     * Returns the stable error code.
     *
     * @return the code, never {@code null}
     */
    public ErrorCode code() {
        return code;
    }
}
