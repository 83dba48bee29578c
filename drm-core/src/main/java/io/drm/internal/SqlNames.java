package io.drm.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Names of tables and columns as the database stores them, and quoting for generated SQL. drm's
 * generated statements (snapshots, undo) always quote the stored name, so that case folding and
 * reserved words cannot change what they touch.
 */
final class SqlNames {

    private SqlNames() {
    }

    /** Quotes an identifier with the database's own quote character, doubling any inside it. */
    static String quote(DatabaseKind kind, String name) {
        String q = kind == DatabaseKind.MYSQL ? "`" : "\"";
        return q + name.replace(q, q + q) + q;
    }

    /**
     * Folds a name as written in a statement the way the database stores it: a quoted name keeps its
     * case; an unquoted one is upper-cased by H2, lower-cased by PostgreSQL and kept by MySQL/MariaDB.
     */
    static String fold(DatabaseKind kind, String name, String statementSql) {
        String q = kind == DatabaseKind.MYSQL ? "`" : "\"";
        if (statementSql != null && statementSql.contains(q + name + q)) {
            return name;
        }
        return switch (kind) {
            case POSTGRESQL -> name.toLowerCase(Locale.ROOT);
            case MYSQL -> name;
            default -> name.toUpperCase(Locale.ROOT);
        };
    }

    /** The catalog argument for metadata calls on the connection's current schema. */
    static String catalog(Connection c, DatabaseKind kind) throws SQLException {
        return kind == DatabaseKind.MYSQL ? c.getCatalog() : null;
    }

    /** The schema argument for metadata calls on the connection's current schema. */
    static String schema(Connection c, DatabaseKind kind) throws SQLException {
        return kind == DatabaseKind.MYSQL ? null : c.getSchema();
    }

    /**
     * Finds a table of the current schema by name: the exact stored name first, else a
     * case-insensitive match.
     */
    static Optional<String> table(Connection c, DatabaseKind kind, String name) throws SQLException {
        if (name == null) {
            return Optional.empty();
        }
        DatabaseMetaData md = c.getMetaData();
        String match = null;
        try (ResultSet rs = md.getTables(catalog(c, kind), schema(c, kind), null, new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String stored = rs.getString("TABLE_NAME");
                if (stored.equals(name)) {
                    return Optional.of(stored);
                }
                if (stored.equalsIgnoreCase(name) && match == null) {
                    match = stored;
                }
            }
        }
        return Optional.ofNullable(match);
    }

    /** Finds a column of a stored table by name, exact first, else case-insensitive. */
    static Optional<String> column(Connection c, DatabaseKind kind, String table, String name) throws SQLException {
        String match = null;
        for (String stored : columns(c, kind, table)) {
            if (stored.equals(name)) {
                return Optional.of(stored);
            }
            if (stored.equalsIgnoreCase(name) && match == null) {
                match = stored;
            }
        }
        return Optional.ofNullable(match);
    }

    /** The columns of a stored table, in their order. */
    static List<String> columns(Connection c, DatabaseKind kind, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(catalog(c, kind), schema(c, kind), escape(c, table), null)) {
            while (rs.next()) {
                if (table.equals(rs.getString("TABLE_NAME"))) {
                    out.add(rs.getString("COLUMN_NAME"));
                }
            }
        }
        return out;
    }

    /** The primary key columns of a stored table, in key order; empty when it has none. */
    static List<String> primaryKey(Connection c, DatabaseKind kind, String table) throws SQLException {
        List<String[]> cols = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getPrimaryKeys(catalog(c, kind), schema(c, kind), table)) {
            while (rs.next()) {
                cols.add(new String[] {rs.getString("COLUMN_NAME"), String.valueOf(rs.getShort("KEY_SEQ"))});
            }
        }
        cols.sort((a, b) -> Integer.compare(Integer.parseInt(a[1]), Integer.parseInt(b[1])));
        List<String> out = new ArrayList<>();
        for (String[] col : cols) {
            out.add(col[0]);
        }
        return out;
    }

    private static String escape(Connection c, String pattern) throws SQLException {
        String esc = c.getMetaData().getSearchStringEscape();
        if (esc == null || esc.isEmpty()) {
            return pattern;
        }
        return pattern.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }
}
