package io.drm.internal.sql;

/**
 * One statement of a script.
 *
 * @param sql the statement's text without the terminating {@code ;}
 * @param line the 1-based line of its first token
 * @param index the 0-based position of its first token in the script
 */
public record SqlStatement(String sql, int line, int index) {
}
