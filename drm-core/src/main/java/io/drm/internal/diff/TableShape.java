package io.drm.internal.diff;

import io.drm.DiffInputException;
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

/**
 * A table of the connection's current schema as drm compares it: its real name, and its columns
 * with their JDBC types and value classes, in table order.
 *
 * @param kind the database kind
 * @param name the table's name as the database stores it
 * @param quotedName the quoted name for SQL
 * @param columns the columns by lower-case name, in table order
 * @param side how the table is named in messages ({@code source} or {@code target})
 */
public record TableShape(DatabaseKind kind, String name, String quotedName, Map<String, Column> columns,
        String side) {

    /**
     * A column.
     *
     * @param name the name as stored
     * @param quoted the quoted name
     * @param typeName the database's type name
     * @param cls the value class
     */
    public record Column(String name, String quoted, String typeName, ValueClass cls) {
    }

    /**
     * Reads a table's shape.
     *
     * @param c the connection
     * @param table the table name as the user gave it (matched exactly, then case-insensitively)
     * @param side {@code source} or {@code target}, for messages
     * @return the shape
     * @throws DiffInputException with {@link DiffInputException#MISSING_TABLE} if there is no such table
     * @throws SQLException if the metadata cannot be read
     */
    public static TableShape read(Connection c, String table, String side) throws SQLException {
        DatabaseKind kind = DatabaseKind.of(c);
        DatabaseMetaData md = c.getMetaData();
        String catalog = kind == DatabaseKind.MYSQL ? c.getCatalog() : null;
        String schema = kind == DatabaseKind.MYSQL ? null : c.getSchema();
        String found = null;
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(catalog, schema, null, new String[] {"TABLE", "VIEW", "BASE TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String n : names) {
            if (n.equals(table)) {
                found = n;
            }
        }
        if (found == null) {
            for (String n : names) {
                if (n.equalsIgnoreCase(table)) {
                    found = n;
                }
            }
        }
        if (found == null) {
            throw new DiffInputException(DiffInputException.MISSING_TABLE, "the " + side + " table " + table
                    + " does not exist in " + kind.label() + " schema " + (schema != null ? schema : catalog)
                    + ". Check the name (and which database the " + side + " data source reaches); nothing was"
                    + " compared.");
        }
        String q = md.getIdentifierQuoteString().strip();
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(catalog, schema, found, null)) {
            while (rs.next()) {
                String col = rs.getString("COLUMN_NAME");
                String typeName = rs.getString("TYPE_NAME");
                columns.put(col.toLowerCase(Locale.ROOT), new Column(col, quote(q, col), typeName,
                        ValueClass.of(kind, rs.getInt("DATA_TYPE"), typeName)));
            }
        }
        return new TableShape(kind, found, quote(q, found), columns, side);
    }

    /**
     * Finds a column by name, case-insensitively.
     *
     * @param column the name as the user gave it
     * @return the column
     * @throws DiffInputException with {@link DiffInputException#MISSING_COLUMN} if there is none
     */
    public Column column(String column) {
        Column col = columns.get(column.toLowerCase(Locale.ROOT));
        if (col == null) {
            throw new DiffInputException(DiffInputException.MISSING_COLUMN, "the " + side + " table "
                    + SchemaReaderNames.name(kind, name) + " has no column " + column + " (it has "
                    + String.join(", ", columnNames()) + "). Name"
                    + " columns that exist on both sides; nothing was compared.");
        }
        return col;
    }

    private List<String> columnNames() {
        List<String> out = new ArrayList<>();
        columns.values().forEach(col -> out.add(SchemaReaderNames.name(kind, col.name())));
        return out;
    }

    static String quote(String q, String identifier) {
        if (q.isEmpty()) {
            return identifier;
        }
        return q + identifier.replace(q, q + q) + q;
    }
}
