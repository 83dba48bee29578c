package io.drm.internal.sql;

/** Reads a possibly qualified name ({@code a}, {@code s.a}, {@code c.s.a}) from tokens. */
final class Names {
    String schema;
    String name;
    /** The index after the name. */
    int next;

    /** Reads a name at i; returns false (and leaves name null) when token i is no identifier. */
    boolean read(Tokens t, int i) {
        schema = null;
        name = t.ident(i);
        next = i;
        if (name == null) {
            return false;
        }
        next = i + 1;
        while (t.isPunct(next, '.') && t.ident(next + 1) != null) {
            schema = name;
            name = t.ident(next + 1);
            next += 2;
        }
        return true;
    }
}
