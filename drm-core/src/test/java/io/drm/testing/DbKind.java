package io.drm.testing;

/** The databases the database tests run on. */
public enum DbKind {
    /** Embedded H2, always available. */
    H2,
    /** A PostgreSQL server (DRM_TEST_POSTGRES_URL, default 127.0.0.1:5432/test as postgres). */
    POSTGRESQL,
    /** A MariaDB server (DRM_TEST_MARIADB_URL, default 127.0.0.1:3306/test as root). */
    MARIADB
}
