package io.drm.internal.sql;

import java.util.Objects;

/**
 * One statement of a script.
 *
 * @param sql the statement's text without the terminating {@code ;} (or DELIMITER) and without
 *     leading or trailing whitespace and comments; comments between its tokens are kept
 * @param line 1-based line of its first token in the script
 * @param index 0-based position of the statement among the script's statements
 */
public record SqlStatement(String sql, int line, int index) {
    /** Validates the components. */
    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0: " + index);
        }
    }
}
