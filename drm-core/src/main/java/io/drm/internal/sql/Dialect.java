package io.drm.internal.sql;

import io.drm.internal.DatabaseKind;

/** The SQL dialects drm reads. */
public enum Dialect {
    /** H2. */
    H2,
    /** PostgreSQL. */
    POSTGRESQL,
    /** MySQL and MariaDB. */
    MYSQL;

    /**
     * @param kind a database kind
     * @return its dialect (H2 for unknown databases)
     */
    public static Dialect of(DatabaseKind kind) {
        return switch (kind) {
            case POSTGRESQL -> POSTGRESQL;
            case MYSQL -> MYSQL;
            default -> H2;
        };
    }
}
