package io.drm.internal.sql;

/**
 * Scans SQL text token by token in one pass, without regular expressions and without allocating
 * per character. Knows each dialect's comments, strings, quoted identifiers and dollar quotes.
 * Unterminated strings and comments run to the end of the text.
 */
final class SqlLexer {
    static final int EOF = 0;
    static final int WORD = 1;
    static final int QIDENT = 2;
    static final int STRING = 3;
    static final int NUMBER = 4;
    static final int PUNCT = 5;
    static final int DELIM = 6;

    private final String s;
    private final Dialect d;
    private final int end;
    private int pos;
    private int line;
    /** The statement delimiter when a MySQL {@code DELIMITER} line changed it; null for ';'. */
    private String delimiter;

    int tokStart;
    int tokEnd;
    int tokLine;

    SqlLexer(String s, Dialect d, int line) {
        this.s = s;
        this.d = d;
        this.end = s.length();
        this.line = line;
    }

    void delimiter(String newDelimiter) {
        delimiter = ";".equals(newDelimiter) ? null : newDelimiter;
    }

    int position() {
        return pos;
    }

    /** Moves to the end of the current line (the newline itself is left for the next scan). */
    int skipToEndOfLine(int from) {
        int i = from;
        while (i < end && s.charAt(i) != '\n') {
            i++;
        }
        pos = i;
        return i;
    }

    /** Returns the next token's type, with its bounds in {@link #tokStart}/{@link #tokEnd}. */
    int next() {
        skipSpaceAndComments();
        if (pos >= end) {
            tokStart = tokEnd = end;
            tokLine = line;
            return EOF;
        }
        tokStart = pos;
        tokLine = line;
        int type = scan();
        tokEnd = pos;
        return type;
    }

    private void skipSpaceAndComments() {
        while (pos < end) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B || c == 0xA0
                    || c == 0xFEFF) {
                pos++;
            } else if (c == '-' && at(pos + 1) == '-' && (d != Dialect.MYSQL || spaceOrEnd(pos + 2))) {
                skipToEndOfLine(pos);
            } else if ((c == '#' && d == Dialect.MYSQL) || (c == '/' && at(pos + 1) == '/' && d == Dialect.H2)) {
                if (delimiter != null && s.startsWith(delimiter, pos)) {
                    return;
                }
                skipToEndOfLine(pos);
            } else if (c == '/' && at(pos + 1) == '*') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        boolean nests = d == Dialect.POSTGRESQL;
        int depth = 1;
        int i = pos + 2;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '*' && at(i + 1) == '/') {
                i += 2;
                if (--depth == 0) {
                    break;
                }
            } else if (nests && c == '/' && at(i + 1) == '*') {
                depth++;
                i += 2;
            } else {
                i++;
            }
        }
        pos = Math.min(i, end);
    }

    private int scan() {
        char c = s.charAt(pos);
        if (delimiter == null ? c == ';' : s.startsWith(delimiter, pos)) {
            pos += delimiter == null ? 1 : delimiter.length();
            return DELIM;
        }
        if (c == '\'') {
            quoted(pos, '\'', d == Dialect.MYSQL);
            return STRING;
        }
        if ((c == 'E' || c == 'e') && d == Dialect.POSTGRESQL && at(pos + 1) == '\'') {
            quoted(pos + 1, '\'', true);
            return STRING;
        }
        if (c == '"') {
            boolean mysql = d == Dialect.MYSQL;
            quoted(pos, '"', mysql);
            return mysql ? STRING : QIDENT;
        }
        if (c == '`' && d == Dialect.MYSQL) {
            quoted(pos, '`', false);
            return QIDENT;
        }
        if (c == '$' && d != Dialect.MYSQL && dollarQuote()) {
            return STRING;
        }
        if (identStart(c)) {
            pos++;
            while (pos < end && identPart(s.charAt(pos))
                    && (delimiter == null || !s.startsWith(delimiter, pos))) {
                pos++;
            }
            return WORD;
        }
        if (c >= '0' && c <= '9') {
            pos++;
            while (pos < end && (identPart(s.charAt(pos)) || s.charAt(pos) == '.')
                    && (delimiter == null || !s.startsWith(delimiter, pos))) {
                pos++;
            }
            return NUMBER;
        }
        pos++;
        return PUNCT;
    }

    /** Scans a quoted run starting at {@code open}; a doubled quote is an escaped quote. */
    private void quoted(int open, char q, boolean backslash) {
        int i = open + 1;
        while (i < end) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (backslash && c == '\\') {
                if (at(i + 1) == '\n') {
                    line++;
                }
                i += 2;
            } else if (c == q) {
                if (at(i + 1) == q) {
                    i += 2;
                } else {
                    i++;
                    break;
                }
            } else {
                i++;
            }
        }
        pos = Math.min(i, end);
    }

    /** PostgreSQL {@code $tag$...$tag$} and {@code $$...$$}, H2 {@code $$...$$}; false for {@code $1}. */
    private boolean dollarQuote() {
        int i = pos + 1;
        if (d == Dialect.POSTGRESQL && i < end && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
            while (i < end && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
        }
        if (at(i) != '$') {
            return false;
        }
        String tag = s.substring(pos, i + 1);
        int close = s.indexOf(tag, i + 1);
        int stop = close < 0 ? end : close + tag.length();
        for (int k = i + 1; k < stop; k++) {
            if (s.charAt(k) == '\n') {
                line++;
            }
        }
        pos = stop;
        return true;
    }

    private char at(int i) {
        return i < end ? s.charAt(i) : '\0';
    }

    private boolean spaceOrEnd(int i) {
        return i >= end || s.charAt(i) <= ' ';
    }

    private static boolean identStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                || (c >= 0x80 && Character.isLetter(c));
    }

    private static boolean identPart(char c) {
        return identStart(c) || (c >= '0' && c <= '9') || c == '$' || (c >= 0x80 && Character.isLetterOrDigit(c));
    }
}
