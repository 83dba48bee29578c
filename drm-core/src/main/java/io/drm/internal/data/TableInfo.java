package io.drm.internal.data;

import io.drm.ArtifactSchemaException;
import io.drm.internal.DatabaseKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A target table as the database's JDBC metadata describes it: its exact name, columns with types
 * and sizes, primary key, and the identifier quote.
 *
 * @param name the table's name as the catalog spells it
 * @param columns lower-case column name to column, in table order
 * @param primaryKey the primary key's columns as the catalog spells them, in key order
 * @param quote the database's identifier quote string
 */
public record TableInfo(String name, Map<String, Column> columns, List<String> primaryKey, String quote) {

    /**
     * A column.
     *
     * @param name the name as the catalog spells it
     * @param jdbcType the {@link java.sql.Types} constant
     * @param typeName the database's type name
     * @param size the column size (length or precision)
     * @param scale the decimal digits
     */
    public record Column(String name, int jdbcType, String typeName, int size, int scale) {
    }

    /**
     * Looks a table up in the connection's current schema (MySQL/MariaDB: database), matching its
     * name exactly first, then ignoring case.
     *
     * @param c the connection
     * @param kind the database kind
     * @param table the name as configured
     * @return the table, or {@code null} when there is none
     * @throws SQLException if the metadata cannot be read
     */
    public static TableInfo find(Connection c, DatabaseKind kind, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String catalog = kind == DatabaseKind.MYSQL ? c.getCatalog() : null;
        String schema = kind == DatabaseKind.MYSQL ? null : c.getSchema();
        String exact = null;
        String folded = null;
        try (ResultSet rs = md.getTables(catalog, schema, null, null)) {
            while (rs.next()) {
                String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                String n = rs.getString("TABLE_NAME");
                if (!type.contains("TABLE") || type.contains("SYSTEM")) {
                    continue;
                }
                if (n.equals(table)) {
                    exact = n;
                } else if (n.equalsIgnoreCase(table)) {
                    folded = n;
                }
            }
        }
        String name = exact != null ? exact : folded;
        if (name == null) {
            return null;
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(catalog, schema, name, null)) {
            while (rs.next()) {
                if (!name.equals(rs.getString("TABLE_NAME"))) {
                    continue;
                }
                String col = rs.getString("COLUMN_NAME");
                columns.put(col.toLowerCase(Locale.ROOT), new Column(col, rs.getInt("DATA_TYPE"),
                        rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS")));
            }
        }
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, name)) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        String quote = md.getIdentifierQuoteString();
        quote = quote == null || quote.isBlank() ? "\"" : quote.strip();
        return new TableInfo(name, columns, new ArrayList<>(key.values()), quote);
    }

    /** Copies. */
    public TableInfo {
        columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        primaryKey = List.copyOf(primaryKey);
    }

    /**
     * Returns a column by name, ignoring case.
     *
     * @param name the name
     * @return the column, or {@code null}
     */
    public Column column(String name) {
        return columns.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Quotes an identifier with the database's quote.
     *
     * @param identifier the identifier as the catalog spells it
     * @return the quoted identifier
     * @throws ArtifactSchemaException if it holds the quote or a control character
     */
    public String quoted(String identifier) {
        if (identifier.contains(quote) || identifier.chars().anyMatch(Character::isISOControl)) {
            throw new ArtifactSchemaException("the identifier '" + identifier + "' cannot be quoted safely (it holds"
                    + " the quote character or a control character). Rename it.");
        }
        return quote + identifier + quote;
    }
}
