package io.drm.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The database products drm knows, and what differs between them. */
public enum DatabaseKind {
    /** H2: DDL commits implicitly; locked with a row of {@code drm_lock}. */
    H2(false, "TIMESTAMP"),
    /** PostgreSQL: transactional DDL; locked with an advisory lock. */
    POSTGRESQL(true, "TIMESTAMP"),
    /** MySQL and MariaDB: DDL commits implicitly; locked with {@code GET_LOCK}. */
    MYSQL(false, "DATETIME(3)"),
    /** Anything else: treated like H2. */
    OTHER(false, "TIMESTAMP");

    private final boolean transactionalDdl;
    private final String timestampType;

    DatabaseKind(boolean transactionalDdl, String timestampType) {
        this.transactionalDdl = transactionalDdl;
        this.timestampType = timestampType;
    }

    /**
     * Tells the kind of a connection's database.
     *
     * @param connection an open connection
     * @return the kind
     * @throws SQLException if the metadata cannot be read
     */
    public static DatabaseKind of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return MYSQL;
        }
        return OTHER;
    }

    /**
     * Tells whether DDL runs inside transactions, so that a release can be one transaction.
     *
     * @return {@code true} for PostgreSQL
     */
    public boolean transactionalDdl() {
        return transactionalDdl;
    }

    /**
     * Returns the column type for timestamps in drm's tables.
     *
     * @return a SQL type
     */
    public String timestampType() {
        return timestampType;
    }

    /**
     * Returns a short lower-case name for messages and audit targets.
     *
     * @return the name
     */
    public String label() {
        return this == MYSQL ? "mysql" : name().toLowerCase(Locale.ROOT);
    }
}
