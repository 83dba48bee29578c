package io.drm.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Word-level questions about SQL text, answered with the dialect's lexer (so never inside strings,
 * comments or bodies): for rules that need one keyword the actions do not carry, and for reading the
 * names a stored view definition refers to.
 */
public final class SqlWords {

    private SqlWords() {
    }

    /**
     * Tells whether an unquoted keyword occurs outside parentheses.
     *
     * @param sql the text
     * @param d its dialect
     * @param keyword the keyword, any case
     * @return {@code true} if it occurs at the top level
     */
    public static boolean hasKeyword(String sql, Dialect d, String keyword) {
        Objects.requireNonNull(keyword, "keyword");
        if (sql == null) {
            return false;
        }
        Tokens t = Tokens.of(sql, d);
        return t.find(0, t.size(), keyword, 0) >= 0;
    }

    /**
     * Returns every identifier (unquoted word or quoted identifier, unquoted) in the text, in order.
     * A word followed by {@code (} (a function call) is left out.
     *
     * @param sql the text
     * @param d its dialect
     * @return the identifiers as written, quoted ones unquoted
     */
    public static List<String> identifiers(String sql, Dialect d) {
        List<String> out = new ArrayList<>();
        if (sql == null) {
            return out;
        }
        Tokens t = Tokens.of(sql, d);
        for (int i = 0; i < t.size(); i++) {
            int type = t.type(i);
            if ((type == SqlLexer.WORD && !t.isPunct(i + 1, '(')) || type == SqlLexer.QIDENT) {
                out.add(t.ident(i));
            }
        }
        return out;
    }
}
