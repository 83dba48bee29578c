package io.drm.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the definition of a column or a whole table from the live catalog, as SQL that recreates
 * it: what a generated undo needs to bring back a dropped column or table with its structure.
 * H2 and MySQL/MariaDB give their own DDL ({@code SCRIPT}, {@code SHOW CREATE TABLE}); on
 * PostgreSQL it is assembled from {@code pg_catalog} with {@code format_type},
 * {@code pg_get_constraintdef} and {@code pg_get_indexdef}.
 */
final class CatalogDdl {

    /**
     * A column's definition.
     *
     * @param type the SQL type, for example {@code character varying(200)}
     * @param notNull whether the column is NOT NULL
     * @param defaultSql the default expression, or {@code null}
     * @param after the column before it, or {@code null} when it is the first
     */
    record ColumnDef(String type, boolean notNull, String defaultSql, String after) {
    }

    private CatalogDdl() {
    }

    static ColumnDef column(Connection c, DatabaseKind kind, String table, String column) throws SQLException {
        List<String> columns = SqlNames.columns(c, kind, table);
        int at = columns.indexOf(column);
        String after = at > 0 ? columns.get(at - 1) : null;
        return switch (kind) {
            case POSTGRESQL -> one(c, "SELECT format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                    + " pg_get_expr(d.adbin, d.adrelid) FROM pg_attribute a"
                    + " JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE n.nspname = current_schema() AND t.relname = ? AND a.attname = ?"
                    + " AND NOT a.attisdropped", table, column,
                    rs -> new ColumnDef(rs.getString(1), rs.getBoolean(2), rs.getString(3), after));
            case MYSQL -> one(c, "SELECT COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?", table, column, rs -> {
                        String def = rs.getString(3);
                        return new ColumnDef(rs.getString(1), "NO".equals(rs.getString(2)),
                                def != null && def.equalsIgnoreCase("NULL") ? null : def, after);
                    });
            default -> one(c, "SELECT COALESCE(DECLARED_DATA_TYPE, DATA_TYPE), CHARACTER_MAXIMUM_LENGTH,"
                    + " COALESCE(DECLARED_NUMERIC_PRECISION, NUMERIC_PRECISION),"
                    + " COALESCE(DECLARED_NUMERIC_SCALE, NUMERIC_SCALE), DATETIME_PRECISION, IS_NULLABLE, COLUMN_DEFAULT"
                    + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ?"
                    + " AND COLUMN_NAME = ?", table, column,
                    rs -> new ColumnDef(h2Type(rs), "NO".equals(rs.getString(6)), rs.getString(7), after));
        };
    }

    /** Reads one row of a column's catalog entry. */
    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> T one(Connection c, String sql, String table, String column, Row<T> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("column " + table + "." + column + " not found");
                }
                return row.read(rs);
            }
        }
    }

    private static String h2Type(ResultSet rs) throws SQLException {
        String type = rs.getString(1).toUpperCase(Locale.ROOT);
        long length = rs.getLong(2);
        boolean hasLength = !rs.wasNull();
        int precision = rs.getInt(3);
        boolean hasPrecision = !rs.wasNull();
        int scale = rs.getInt(4);
        int timePrecision = rs.getInt(5);
        boolean hasTimePrecision = !rs.wasNull();
        if (type.startsWith("TIME")) {
            if (!hasTimePrecision) {
                return type;
            }
            int space = type.indexOf(' ');
            return space < 0 ? type + "(" + timePrecision + ")"
                    : type.substring(0, space) + "(" + timePrecision + ")" + type.substring(space);
        }
        if (type.equals("NUMERIC") || type.equals("DECIMAL")) {
            return hasPrecision ? type + "(" + precision + ", " + scale + ")" : type;
        }
        if ((type.startsWith("CHARACTER") || type.startsWith("BINARY")) && !type.contains("LARGE") && hasLength) {
            return type + "(" + length + ")";
        }
        return type;
    }

    /**
     * Returns the statements that recreate a table with its columns, keys, constraints and indexes
     * (not its rows), in order.
     */
    static List<String> table(Connection c, DatabaseKind kind, String table) throws SQLException {
        return switch (kind) {
            case MYSQL -> mysqlTable(c, table);
            case POSTGRESQL -> postgresTable(c, table);
            default -> h2Table(c, kind, table);
        };
    }

    private static List<String> mysqlTable(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + SqlNames.quote(DatabaseKind.MYSQL, table))) {
            rs.next();
            return List.of(rs.getString(2));
        }
    }

    private static List<String> h2Table(Connection c, DatabaseKind kind, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        String schema = c.getSchema();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SCRIPT NODATA NOSETTINGS TABLE "
                + SqlNames.quote(kind, schema) + "." + SqlNames.quote(kind, table))) {
            while (rs.next()) {
                String sql = rs.getString(1).strip();
                String upper = sql.toUpperCase(Locale.ROOT);
                if (upper.startsWith("CREATE USER") || upper.startsWith("CREATE SCHEMA") || upper.startsWith("--")
                        || upper.startsWith("SET ")) {
                    continue;
                }
                out.add(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
            }
        }
        return out;
    }

    private static List<String> postgresTable(Connection c, String table) throws SQLException {
        DatabaseKind pg = DatabaseKind.POSTGRESQL;
        String qt = SqlNames.quote(pg, table);
        List<String> before = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod),"
                + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attidentity,"
                + " pg_get_serial_sequence(quote_ident(t.relname), a.attname)"
                + " FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = t.relnamespace"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE n.nspname = current_schema() AND t.relname = ? AND a.attnum > 0 AND NOT a.attisdropped"
                + " ORDER BY a.attnum")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StringBuilder col = new StringBuilder(SqlNames.quote(pg, rs.getString(1))).append(' ')
                            .append(rs.getString(2));
                    String identity = rs.getString(5);
                    String def = rs.getString(4);
                    String sequence = rs.getString(6);
                    if ("a".equals(identity)) {
                        col.append(" GENERATED ALWAYS AS IDENTITY");
                    } else if ("d".equals(identity)) {
                        col.append(" GENERATED BY DEFAULT AS IDENTITY");
                    } else if (def != null) {
                        if (sequence != null && def.startsWith("nextval(")) {
                            before.add("CREATE SEQUENCE IF NOT EXISTS " + sequence);
                        }
                        col.append(" DEFAULT ").append(def);
                    }
                    if (rs.getBoolean(3)) {
                        col.append(" NOT NULL");
                    }
                    columns.add(col.toString());
                }
            }
        }
        List<String> out = new ArrayList<>(before);
        out.add("CREATE TABLE " + qt + " (" + String.join(", ", columns) + ")");
        try (PreparedStatement ps = c.prepareStatement("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conrelid = (quote_ident(current_schema()) || '.' || quote_ident(?))::regclass"
                + " AND contype <> 'n' ORDER BY CASE contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 WHEN 'c' THEN 2 ELSE 3 END,"
                + " conname")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add("ALTER TABLE " + qt + " ADD CONSTRAINT " + SqlNames.quote(pg, rs.getString(1)) + " "
                            + rs.getString(2));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i"
                + " WHERE i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(?))::regclass"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"
                + " ORDER BY i.indexrelid")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * Returns the statements that recreate the indexes (not the primary key) that include a column,
     * which dropping or retyping the column drops with it.
     */
    static List<String> indexesOn(Connection c, DatabaseKind kind, String table, String column) throws SQLException {
        if (kind == DatabaseKind.POSTGRESQL) {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i"
                    + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
                    + " WHERE i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(?))::regclass"
                    + " AND a.attname = ? AND NOT i.indisprimary"
                    + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)"
                    + " ORDER BY i.indexrelid")) {
                ps.setString(1, table);
                ps.setString(2, column);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1).replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX IF NOT EXISTS "));
                    }
                }
            }
            return out;
        }
        java.util.Map<String, java.util.TreeMap<Short, String>> columns = new java.util.LinkedHashMap<>();
        java.util.Map<String, Boolean> unique = new java.util.HashMap<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(SqlNames.catalog(c, kind), SqlNames.schema(c, kind), table,
                false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                String col = rs.getString("COLUMN_NAME");
                if (name == null || col == null || name.equalsIgnoreCase("PRIMARY")
                        || name.toUpperCase(Locale.ROOT).startsWith("PRIMARY_KEY")) {
                    continue;
                }
                columns.computeIfAbsent(name, n -> new java.util.TreeMap<>()).put(rs.getShort("ORDINAL_POSITION"), col);
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
            }
        }
        List<String> out = new ArrayList<>();
        columns.forEach((name, cols) -> {
            if (cols.containsValue(column)) {
                out.add("CREATE " + (unique.get(name) ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + SqlNames.quote(kind, name) + " ON "
                        + SqlNames.quote(kind, table) + " (" + String.join(", ", cols.values().stream()
                                .map(n -> SqlNames.quote(kind, n)).toList()) + ")");
            }
        });
        return out;
    }
}
