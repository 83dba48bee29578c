package io.drm.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Looks at what the release's schema holds before Flyway's first migration there.
 *
 * <p>Flyway refuses to migrate a schema that holds anything but has no history table. drm's own
 * tables can be there first (the JDBC audit sink creates {@code drm_audit_log} when it opens,
 * before the release it audits), and they must not make a fresh schema look like an existing one:
 * when every object of the schema is drm's, the first release lets Flyway baseline the schema at
 * version 0, below every migration, so all of them still run.
 */
public final class SchemaProbe {

    private SchemaProbe() {
    }

    /**
     * @param c a connection to the release's schema (PostgreSQL, H2) or database (MySQL/MariaDB)
     * @param kind the database kind
     * @return whether the schema holds at least one object and every object's name starts with {@code drm_}
     * @throws SQLException if the metadata cannot be read
     */
    public static boolean holdsOnlyDrmObjects(Connection c, DatabaseKind kind) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String catalog = kind == DatabaseKind.MYSQL ? c.getCatalog() : null;
        String schema = kind == DatabaseKind.MYSQL ? null : c.getSchema();
        if (kind != DatabaseKind.MYSQL && schema == null) {
            return false;
        }
        boolean any = false;
        try (ResultSet rs = md.getTables(catalog, schema, "%", null)) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (name == null || !name.toLowerCase(Locale.ROOT).startsWith("drm_")) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * Lists the schema's objects that are not drm's own (tables, views, sequences; not indexes),
     * sorted by name.
     *
     * @param c a connection to the release's schema (PostgreSQL, H2) or database (MySQL/MariaDB)
     * @param kind the database kind
     * @return {@code "<type> <name>"} for each, for example {@code "TABLE customer"}
     * @throws SQLException if the metadata cannot be read
     */
    public static java.util.List<String> foreignObjects(Connection c, DatabaseKind kind) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String catalog = kind == DatabaseKind.MYSQL ? c.getCatalog() : null;
        String schema = kind == DatabaseKind.MYSQL ? null : c.getSchema();
        java.util.List<String> found = new java.util.ArrayList<>();
        if (kind != DatabaseKind.MYSQL && schema == null) {
            return found;
        }
        try (ResultSet rs = md.getTables(catalog, schema, "%", null)) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                if (name == null || name.toLowerCase(Locale.ROOT).startsWith("drm_") || type.contains("INDEX")
                        || type.startsWith("SYSTEM")) {
                    continue;
                }
                found.add((type.equals("BASE TABLE") ? "TABLE" : type) + " " + name);
            }
        }
        found.sort(java.util.Comparator.comparing(o -> o.substring(o.indexOf(' ') + 1)));
        return found;
    }
}
