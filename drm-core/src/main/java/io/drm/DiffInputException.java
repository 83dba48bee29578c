package io.drm;

/**
 * Thrown before any work when a table diff is given input that does not fit the tables: a table or
 * column that does not exist, no key, or key columns whose types differ between the two sides.
 * Each case has its own code, given by {@link #code()}.
 */
public class DiffInputException extends DrmException {

    private static final long serialVersionUID = 1L;

    /** A table does not exist on one side: {@code DRM-DIFF-010}. */
    public static final ErrorCode MISSING_TABLE = ErrorCode.of("DIFF", 10);
    /** A key or compared column does not exist on one side: {@code DRM-DIFF-011}. */
    public static final ErrorCode MISSING_COLUMN = ErrorCode.of("DIFF", 11);
    /** No key columns were given: {@code DRM-DIFF-012}. */
    public static final ErrorCode NO_KEY = ErrorCode.of("DIFF", 12);
    /** A key column has a different type on the two sides: {@code DRM-DIFF-013}. */
    public static final ErrorCode KEY_TYPE_MISMATCH = ErrorCode.of("DIFF", 13);

    /**
     * Creates the exception.
     *
     * @param code one of this class's codes
     * @param message what was wrong, where and what to do
     */
    public DiffInputException(ErrorCode code, String message) {
        super(code, message);
    }
}
