package io.drm.internal.sql;

import io.drm.internal.DatabaseKind;
import java.util.Objects;

/** The SQL dialect a script is written in: decides comments, quoting and statement syntax. */
public enum Dialect {
    /** H2: {@code "x"} identifiers, {@code $$} bodies, {@code //} line comments. */
    H2,
    /** PostgreSQL: nested block comments, {@code E'..'} strings, dollar quotes. */
    POSTGRESQL,
    /** MySQL and MariaDB: backticks, backslash escapes, {@code "strings"}, {@code #} comments, DELIMITER. */
    MYSQL;

    /**
     * Returns the dialect of a database kind.
     *
     * @param kind a database kind
     * @return its dialect; {@link #H2} for {@link DatabaseKind#OTHER}
     */
    public static Dialect of(DatabaseKind kind) {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case POSTGRESQL:
                return POSTGRESQL;
            case MYSQL:
                return MYSQL;
            default:
                return H2;
        }
    }
}
