package io.drm.internal.sql;

import java.util.Arrays;

/** The tokens of one statement, in flat arrays, with their parenthesis depth. */
final class Tokens {
    final String src;
    private final int[] type;
    private final int[] start;
    private final int[] end;
    private final int[] depth;
    private int size;

    private Tokens(String src, int capacity) {
        this.src = src;
        this.type = new int[capacity];
        this.start = new int[capacity];
        this.end = new int[capacity];
        this.depth = new int[capacity];
    }

    static Tokens of(String sql, Dialect d) {
        Buffer b = new Buffer();
        SqlLexer lx = new SqlLexer(sql, d, 1);
        for (int k = lx.next(); k != SqlLexer.EOF; k = lx.next()) {
            b.add(k == SqlLexer.DELIM ? SqlLexer.PUNCT : k, lx.tokStart, lx.tokEnd);
        }
        return b.take(sql, 0);
    }

    /**
     * The tokens of the statement being split, positions relative to the script; {@link #take}
     * turns them into the statement's {@link Tokens} and empties the buffer.
     */
    static final class Buffer {
        private int[] type = new int[64];
        private int[] start = new int[64];
        private int[] end = new int[64];
        private int size;

        void add(int k, int s, int e) {
            if (size == type.length) {
                int n = size * 2;
                type = Arrays.copyOf(type, n);
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
            }
            type[size] = k;
            start[size] = s;
            end[size] = e;
            size++;
        }

        /** The buffered tokens as those of {@code sql}, which starts at {@code offset} in the script. */
        Tokens take(String sql, int offset) {
            Tokens t = new Tokens(sql, Math.max(size, 1));
            int level = 0;
            for (int i = 0; i < size; i++) {
                int k = type[i];
                int s = start[i] - offset;
                boolean close = k == SqlLexer.PUNCT && sql.charAt(s) == ')';
                if (close && level > 0) {
                    level--;
                }
                t.add(k, s, end[i] - offset, level);
                if (k == SqlLexer.PUNCT && sql.charAt(s) == '(') {
                    level++;
                }
            }
            size = 0;
            return t;
        }
    }

    /** Appends a token; the capacity was sized for all of them by {@link Buffer#take}. */
    private void add(int k, int s, int e, int level) {
        type[size] = k;
        start[size] = s;
        end[size] = e;
        depth[size] = level;
        size++;
    }

    int size() {
        return size;
    }

    int depth(int i) {
        return depth[i];
    }

    int type(int i) {
        return i < size ? type[i] : SqlLexer.EOF;
    }

    /** Tells whether token i is the (unquoted) keyword kw, ignoring case. */
    boolean is(int i, String kw) {
        return i < size && type[i] == SqlLexer.WORD && end[i] - start[i] == kw.length()
                && src.regionMatches(true, start[i], kw, 0, kw.length());
    }

    /** Tells whether token i is the punctuation character c. */
    boolean isPunct(int i, char c) {
        return i < size && type[i] == SqlLexer.PUNCT && src.charAt(start[i]) == c;
    }

    /** Returns the upper-case word at i, or "" when token i is not an unquoted word. */
    String upper(int i) {
        return i < size && type[i] == SqlLexer.WORD
                ? src.substring(start[i], end[i]).toUpperCase(java.util.Locale.ROOT) : "";
    }

    /** Returns the identifier at i as written (quoted ones unquoted), or null if none. */
    String ident(int i) {
        if (i >= size) {
            return null;
        }
        if (type[i] == SqlLexer.WORD) {
            return src.substring(start[i], end[i]);
        }
        if (type[i] == SqlLexer.QIDENT) {
            return unquote(i);
        }
        return null;
    }

    /** Returns a string literal's value (quotes removed, doubled quotes undone), or the raw text. */
    String literal(int i) {
        if (i >= size) {
            return null;
        }
        if (type[i] == SqlLexer.STRING && src.charAt(start[i]) == '\'') {
            return unquote(i);
        }
        return src.substring(start[i], end[i]);
    }

    private String unquote(int i) {
        char q = src.charAt(start[i]);
        int e = end[i] - start[i] >= 2 && src.charAt(end[i] - 1) == q ? end[i] - 1 : end[i];
        String body = src.substring(start[i] + 1, e);
        String twice = String.valueOf(q) + q;
        return body.indexOf(twice) < 0 ? body : body.replace(twice, String.valueOf(q));
    }

    /** Returns the source text of tokens [from, to), or null when empty. */
    String text(int from, int to) {
        if (from >= to || from >= size) {
            return null;
        }
        return src.substring(start[from], end[Math.min(to, size) - 1]);
    }

    /** Finds the first token at or after from with the given depth that is keyword kw, or -1. */
    int find(int from, int to, String kw, int level) {
        for (int i = from; i < to && i < size; i++) {
            if (depth[i] == level && is(i, kw)) {
                return i;
            }
        }
        return -1;
    }
}
