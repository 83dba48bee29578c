package io.drm.masking.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** The database products masking jobs know, and what differs between them. */
public enum Dialect {
    /** H2. */
    H2("TIMESTAMP", "CHARACTER VARYING"),
    /** PostgreSQL: COPY for writes, autocommit off to stream reads. */
    POSTGRESQL("TIMESTAMP", "TEXT"),
    /** MySQL and MariaDB: multi-row INSERT for writes. */
    MYSQL("DATETIME(3)", "TEXT"),
    /** Anything else: treated like H2. */
    OTHER("TIMESTAMP", "VARCHAR(4000)");

    private final String timestampType;
    private final String textType;

    Dialect(String timestampType, String textType) {
        this.timestampType = timestampType;
        this.textType = textType;
    }

    /**
     * @param connection an open connection
     * @return the connection's dialect
     * @throws SQLException if the metadata cannot be read
     */
    public static Dialect of(Connection connection) throws SQLException {
        return of(connection.getMetaData());
    }

    /**
     * @param md a database's metadata
     * @return its dialect
     * @throws SQLException if the metadata cannot be read
     */
    public static Dialect of(DatabaseMetaData md) throws SQLException {
        String product = md.getDatabaseProductName().toLowerCase(Locale.ROOT);
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

    /** @return the column type for timestamps in drm's tables */
    public String timestampType() {
        return timestampType;
    }

    /** @return the column type for unbounded text in drm's tables */
    public String textType() {
        return textType;
    }

    /**
     * Describes where a connection points, for audit targets and messages: product and schema
     * (PostgreSQL, H2) or database (MySQL, MariaDB).
     *
     * @param connection an open connection
     * @return for example {@code postgresql:sales} or {@code mariadb:sales}
     * @throws SQLException if the metadata cannot be read
     */
    public static String describe(Connection connection) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        String where = of(md) == MYSQL ? connection.getCatalog() : connection.getSchema();
        String product = md.getDatabaseProductName().toLowerCase(Locale.ROOT).replace(' ', '-');
        return product + ":" + (where == null ? "default" : where);
    }
}
