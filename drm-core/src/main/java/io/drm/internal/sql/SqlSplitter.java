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
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(dialect, "dialect");
        List<SqlStatement> out = new ArrayList<>();
        SqlLexer lx = new SqlLexer(script, dialect, 1);
        int start = -1;
        int startLine = 0;
        int last = -1;
        while (true) {
            int t = lx.next();
            if (t == SqlLexer.EOF || t == SqlLexer.DELIM) {
                if (start >= 0) {
                    out.add(new SqlStatement(script.substring(start, last), startLine, out.size()));
                    start = -1;
                }
                if (t == SqlLexer.EOF) {
                    return out;
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
