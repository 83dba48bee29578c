package io.drm.testing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * A readable description of an application schema and its data, for comparing two databases: every
 * table (but drm's own and Flyway's history) with its columns (name, type, size, nullability; not
 * their position, which PostgreSQL cannot choose when a column is added back), primary key, indexes
 * and unique keys, foreign keys, and every row.
 */
public final class SchemaFingerprint {

    private SchemaFingerprint() {
    }

    /**
     * Describes a database's current schema.
     *
     * @param dataSource the database
     * @param kind its kind
     * @return one line per fact, sorted
     */
    public static List<String> of(DataSource dataSource, DbKind kind) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            String catalog = kind == DbKind.MARIADB ? c.getCatalog() : null;
            String schema = kind == DbKind.MARIADB ? null : c.getSchema();
            TreeSet<String> facts = new TreeSet<>();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    String t = rs.getString("TABLE_NAME");
                    String lower = t.toLowerCase(Locale.ROOT);
                    if (!lower.startsWith("drm_") && !lower.equals("flyway_schema_history")) {
                        tables.add(t);
                    }
                }
            }
            for (String t : tables) {
                facts.add("table " + t);
                try (ResultSet rs = md.getColumns(catalog, schema, t, "%")) {
                    while (rs.next()) {
                        if (!t.equals(rs.getString("TABLE_NAME"))) {
                            continue;
                        }
                        facts.add("column " + t + "." + rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME")
                                + "(" + rs.getString("COLUMN_SIZE") + "," + rs.getString("DECIMAL_DIGITS") + ") null="
                                + rs.getString("IS_NULLABLE") + " default=" + normalise(rs.getString("COLUMN_DEF")));
                    }
                }
                TreeMap<Short, String> pk = new TreeMap<>();
                try (ResultSet rs = md.getPrimaryKeys(catalog, schema, t)) {
                    while (rs.next()) {
                        pk.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                    }
                }
                facts.add("pk " + t + " " + pk.values());
                TreeMap<String, TreeMap<Short, String>> indexes = new TreeMap<>();
                try (ResultSet rs = md.getIndexInfo(catalog, schema, t, false, false)) {
                    while (rs.next()) {
                        String name = rs.getString("INDEX_NAME");
                        if (name == null || name.toUpperCase(Locale.ROOT).startsWith("PRIMARY")) {
                            continue;
                        }
                        String key = (rs.getBoolean("NON_UNIQUE") ? "index " : "unique ") + t + " "
                                + (name.toUpperCase(Locale.ROOT).contains("_INDEX_") ? "<generated>" : name);
                        indexes.computeIfAbsent(key, k -> new TreeMap<>()).put(rs.getShort("ORDINAL_POSITION"),
                                rs.getString("COLUMN_NAME"));
                    }
                }
                indexes.forEach((k, v) -> facts.add(k + " " + v.values()));
                try (ResultSet rs = md.getImportedKeys(catalog, schema, t)) {
                    while (rs.next()) {
                        facts.add("fk " + t + "." + rs.getString("FKCOLUMN_NAME") + " -> " + rs.getString("PKTABLE_NAME")
                                + "." + rs.getString("PKCOLUMN_NAME"));
                    }
                }
                facts.addAll(rows(c, kind, t));
            }
            return new ArrayList<>(facts);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(Connection c, DbKind kind, String table) throws SQLException {
        String q = kind == DbKind.MARIADB ? "`" : "\"";
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + q + table + q)) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                names.add(md.getColumnName(i));
            }
            while (rs.next()) {
                TreeMap<String, String> row = new TreeMap<>();
                for (int i = 1; i <= names.size(); i++) {
                    row.put(names.get(i - 1), rs.getString(i));
                }
                out.add("row " + table + " " + row);
            }
        }
        return out;
    }

    private static String normalise(String def) {
        return def == null || def.equalsIgnoreCase("NULL") ? "none" : def;
    }
}
