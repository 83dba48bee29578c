package io.drm.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a migration script into statements at top-level {@code ;} (or the delimiter set by a
 * MySQL {@code DELIMITER} line), in linear time. A {@code ;} inside a comment, string, quoted
 * identifier or dollar-quoted body does not split. Empty statements are dropped.
 */
public final class SqlSplitter {
    private SqlSplitter() {
    }

    /**
     * Splits a script.
     *
     * @param script the script text (LF or CRLF line endings)
     * @param dialect its dialect
     * @return the statements in order, with their 1-based first line and 0-based index
     */
    public static List<SqlStatement> split(String script, Dialect dialect) {
        List<SqlStatement> out = new ArrayList<>();
        split(script, dialect, null, (statement, tokens) -> out.add(statement));
        return out;
    }

    /** Receives each statement of a script, with its tokens when they were asked for. */
    interface Sink {
        void statement(SqlStatement statement, Tokens tokens);
    }

    /**
     * Splits a script in one pass of the lexer; with a token buffer, also hands each statement its
     * tokens (positions relative to the statement), which are the tokens {@link Tokens#of} would
     * find lexing the statement's text again.
     */
    static void split(String script, Dialect dialect, Tokens.Buffer buffer, Sink sink) {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(dialect, "dialect");
        SqlLexer lx = new SqlLexer(script, dialect, 1);
        int start = -1;
        int startLine = 0;
        int last = -1;
        int index = 0;
        while (true) {
            int t = lx.next();
            if (t == SqlLexer.EOF || t == SqlLexer.DELIM) {
                if (start >= 0) {
                    String sql = script.substring(start, last);
                    sink.statement(new SqlStatement(sql, startLine, index++),
                            buffer == null ? null : buffer.take(sql, start));
                    start = -1;
                }
                if (t == SqlLexer.EOF) {
                    return;
                }
                continue;
            }
            if (start < 0) {
                if (dialect == Dialect.MYSQL && t == SqlLexer.WORD && isDelimiterCommand(script, lx)) {
                    lx.delimiter(delimiterArgument(script, lx.tokEnd));
                    lx.skipToEndOfLine(lx.tokEnd);
                    continue;
                }
                start = lx.tokStart;
                startLine = lx.tokLine;
            }
            if (buffer != null) {
                buffer.add(t, lx.tokStart, lx.tokEnd);
            }
            last = lx.tokEnd;
        }
    }

    private static boolean isDelimiterCommand(String s, SqlLexer lx) {
        int len = lx.tokEnd - lx.tokStart;
        return len == 9 && s.regionMatches(true, lx.tokStart, "DELIMITER", 0, 9)
                && lx.tokEnd < s.length() && (s.charAt(lx.tokEnd) == ' ' || s.charAt(lx.tokEnd) == '\t');
    }

    private static String delimiterArgument(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        int j = i;
        while (j < s.length() && s.charAt(j) > ' ') {
            j++;
        }
        return j > i ? s.substring(i, j) : ";";
    }
}
