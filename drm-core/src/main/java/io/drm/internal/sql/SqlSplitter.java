package io.drm.internal.sql;

import java.util.ArrayList;
import java.util.List;

/** Splits a script into statements, respecting comments, strings, quoted identifiers and dollar quotes. */
public final class SqlSplitter {

    private SqlSplitter() {
    }

    /**
     * @param script the script
     * @param dialect its dialect
     * @return the statements
     */
    public static List<SqlStatement> split(String script, Dialect dialect) {
        List<SqlStatement> out = new ArrayList<>();
        int n = script.length();
        int i = 0;
        int start = -1;
        int line = 1;
        int startLine = 1;
        while (i < n) {
            char ch = script.charAt(i);
            if (ch == '\n') {
                line++;
                i++;
                continue;
            }
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            }
            if (ch == '-' && i + 1 < n && script.charAt(i + 1) == '-' || ch == '#' && dialect == Dialect.MYSQL) {
                while (i < n && script.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (ch == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int depth = 1;
                i += 2;
                while (i < n && depth > 0) {
                    if (script.charAt(i) == '\n') {
                        line++;
                    }
                    if (script.startsWith("*/", i)) {
                        depth--;
                        i += 2;
                    } else if (dialect == Dialect.POSTGRESQL && script.startsWith("/*", i)) {
                        depth++;
                        i += 2;
                    } else {
                        i++;
                    }
                }
                continue;
            }
            if (start < 0) {
                if (ch == ';') {
                    i++;
                    continue;
                }
                start = i;
                startLine = line;
            }
            if (ch == ';') {
                out.add(new SqlStatement(script.substring(start, i).strip(), startLine, start));
                start = -1;
                i++;
                continue;
            }
            if (ch == '\'' || ch == '"' || ch == '`') {
                boolean backslash = dialect == Dialect.MYSQL && ch != '`';
                i++;
                while (i < n) {
                    char c = script.charAt(i);
                    if (c == '\n') {
                        line++;
                    }
                    if (backslash && c == '\\') {
                        i += 2;
                        continue;
                    }
                    if (c == ch) {
                        if (i + 1 < n && script.charAt(i + 1) == ch) {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                i++;
                continue;
            }
            if (ch == '$' && dialect != Dialect.MYSQL) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(script.charAt(j)) || script.charAt(j) == '_')) {
                    j++;
                }
                if (j < n && script.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(script.charAt(i + 1)))) {
                    String tag = script.substring(i, j + 1);
                    int end = script.indexOf(tag, j + 1);
                    int stop = end < 0 ? n : end + tag.length();
                    for (int k = i; k < stop; k++) {
                        if (script.charAt(k) == '\n') {
                            line++;
                        }
                    }
                    i = stop;
                    continue;
                }
            }
            i++;
        }
        if (start >= 0) {
            String last = script.substring(start).strip();
            if (!last.isEmpty()) {
                out.add(new SqlStatement(last, startLine, start));
            }
        }
        return out;
    }
}
