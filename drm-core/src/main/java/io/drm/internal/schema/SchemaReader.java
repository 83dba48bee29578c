package io.drm.internal.schema;

import io.drm.internal.DatabaseKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the current schema (PostgreSQL {@code current_schema()}, MariaDB/MySQL the current
 * database, H2 the connection's schema) into a tree of sorted maps, with a handful of bulk
 * {@code information_schema} / {@code pg_catalog} queries (never one query per table). drm's own
 * tables ({@code drm_*}) and Flyway's {@code flyway_schema_history} are left out.
 *
 * <p>Shape: {@code {"format":1, "tables":{name:{"columns":{name:{"type","nullable","default"}},
 * "primaryKey":[cols], "uniqueKeys":{name:[cols]}, "foreignKeys":{name:{"columns","references",
 * "onDelete"}}, "indexes":{name:{"unique","columns"}}}}, "views":{name:definition},
 * "sequences":{name:{...}}}}.
 */
public final class SchemaReader {

    private SchemaReader() {
    }

    /**
     * Reads the snapshot tree.
     *
     * @param c the connection
     * @param kind its kind
     * @return the tree (sorted maps, lists, strings, booleans)
     * @throws SQLException if the database fails
     */
    public static Map<String, Object> read(Connection c, DatabaseKind kind) throws SQLException {
        String schema = schemaOf(c, kind);
        Map<String, Object> tables = new TreeMap<>();
        Map<String, Object> views = new TreeMap<>();
        Map<String, Object> sequences = new TreeMap<>();
        Set<String> viewNames = new HashSet<>();
        query(c, "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = ?", schema, rs -> {
            String name = name(kind, rs.getString(1));
            String type = rs.getString(2).toUpperCase(Locale.ROOT);
            if (excluded(name)) {
                return;
            }
            if (type.contains("VIEW")) {
                viewNames.add(name);
            } else if (type.equals("SEQUENCE")) {
                sequences.put(name, new TreeMap<>());
            } else {
                Map<String, Object> t = new TreeMap<>();
                t.put("columns", new TreeMap<>());
                t.put("uniqueKeys", new TreeMap<>());
                t.put("foreignKeys", new TreeMap<>());
                t.put("indexes", new TreeMap<>());
                tables.put(name, t);
            }
        });
        query(c, "SELECT table_name, column_name, data_type, is_nullable, column_default, character_maximum_length,"
                + " numeric_precision, numeric_scale FROM information_schema.columns WHERE table_schema = ?", schema,
                rs -> {
                    Map<String, Object> t = table(tables, kind, rs.getString(1));
                    if (t == null) {
                        return;
                    }
                    Map<String, Object> col = new TreeMap<>();
                    col.put("type", TypeNames.normalise(rs.getString(3), rs.getObject(6), rs.getObject(7), rs.getObject(8)));
                    col.put("nullable", "YES".equalsIgnoreCase(rs.getString(4)));
                    String def = rs.getString(5);
                    col.put("default", def == null || def.equalsIgnoreCase("NULL") ? null : def.strip());
                    map(t, "columns").put(name(kind, rs.getString(2)), col);
                });
        Map<String, String> constraintTypes = new TreeMap<>();
        query(c, "SELECT tc.table_name, tc.constraint_name, tc.constraint_type, kcu.column_name"
                + " FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu"
                + " ON kcu.constraint_schema = tc.constraint_schema AND kcu.constraint_name = tc.constraint_name"
                + " AND kcu.table_name = tc.table_name WHERE tc.table_schema = ?"
                + " AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')"
                + " ORDER BY tc.table_name, tc.constraint_name, kcu.ordinal_position", schema, rs -> {
                    Map<String, Object> t = table(tables, kind, rs.getString(1));
                    if (t == null) {
                        return;
                    }
                    String tableName = name(kind, rs.getString(1));
                    String cname = name(kind, rs.getString(2));
                    String type = rs.getString(3).toUpperCase(Locale.ROOT);
                    String column = name(kind, rs.getString(4));
                    constraintTypes.put(tableName + "." + cname, type);
                    if (type.equals("PRIMARY KEY")) {
                        list(t, "primaryKey").add(column);
                    } else if (type.equals("UNIQUE")) {
                        listIn(map(t, "uniqueKeys"), cname).add(column);
                    } else {
                        Map<String, Object> fk = submap(map(t, "foreignKeys"), cname);
                        listIn(fk, "columns").add(column);
                    }
                });
        foreignKeyTargets(c, kind, schema, tables);
        indexes(c, kind, schema, tables, constraintTypes);
        query(c, "SELECT table_name, view_definition FROM information_schema.views WHERE table_schema = ?", schema,
                rs -> {
                    String name = name(kind, rs.getString(1));
                    String def = rs.getString(2);
                    views.put(name, def == null ? "" : def.strip().replaceAll("\\s+", " "));
                });
        for (String v : viewNames) {
            views.putIfAbsent(v, "");
        }
        if (kind == DatabaseKind.POSTGRESQL || kind == DatabaseKind.H2) {
            query(c, "SELECT sequence_name, data_type, start_value, increment FROM information_schema.sequences"
                    + " WHERE sequence_schema = ?", schema, rs -> {
                        String name = name(kind, rs.getString(1));
                        if (name.startsWith("system_sequence") || excluded(name)) {
                            return;
                        }
                        Map<String, Object> s = new TreeMap<>();
                        s.put("type", TypeNames.normalise(rs.getString(2), null, null, null));
                        s.put("start", String.valueOf(rs.getObject(3)));
                        s.put("increment", String.valueOf(rs.getObject(4)));
                        sequences.put(name, s);
                    });
        }
        Map<String, Object> root = new TreeMap<>();
        root.put("format", 1);
        root.put("tables", tables);
        root.put("views", views);
        root.put("sequences", sequences);
        return root;
    }

    private static void foreignKeyTargets(Connection c, DatabaseKind kind, String schema, Map<String, Object> tables)
            throws SQLException {
        // PostgreSQL: pg_catalog, as information_schema.referential_constraints takes seconds at 300 tables.
        String sql = kind == DatabaseKind.POSTGRESQL
                ? "SELECT t.relname, con.conname, r.relname, CASE con.confdeltype WHEN 'a' THEN 'NO ACTION'"
                        + " WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL'"
                        + " ELSE 'SET DEFAULT' END FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid"
                        + " JOIN pg_class r ON r.oid = con.confrelid JOIN pg_namespace n ON n.oid = con.connamespace"
                        + " WHERE con.contype = 'f' AND n.nspname = ?"
                : kind == DatabaseKind.MYSQL
                ? "SELECT table_name, constraint_name, referenced_table_name, delete_rule"
                        + " FROM information_schema.referential_constraints WHERE constraint_schema = ?"
                : "SELECT tc.table_name, rc.constraint_name, uc.table_name, rc.delete_rule"
                        + " FROM information_schema.referential_constraints rc"
                        + " JOIN information_schema.table_constraints tc ON tc.constraint_schema = rc.constraint_schema"
                        + " AND tc.constraint_name = rc.constraint_name"
                        + " JOIN information_schema.table_constraints uc ON uc.constraint_schema = rc.unique_constraint_schema"
                        + " AND uc.constraint_name = rc.unique_constraint_name WHERE rc.constraint_schema = ?";
        query(c, sql, schema, rs -> {
            Map<String, Object> t = table(tables, kind, rs.getString(1));
            if (t == null) {
                return;
            }
            Map<String, Object> fk = submap(map(t, "foreignKeys"), name(kind, rs.getString(2)));
            fk.put("references", name(kind, rs.getString(3)));
            fk.put("onDelete", rs.getString(4) == null ? null : rs.getString(4).toUpperCase(Locale.ROOT));
        });
    }

    private static void indexes(Connection c, DatabaseKind kind, String schema, Map<String, Object> tables,
            Map<String, String> constraints) throws SQLException {
        String sql;
        switch (kind) {
            case POSTGRESQL:
                sql = "SELECT t.relname, i.relname, ix.indisunique, pg_get_indexdef(ix.indexrelid, k + 1, true)"
                        + " FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid"
                        + " JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
                        + " CROSS JOIN LATERAL generate_series(0, ix.indnatts - 1) k"
                        + " WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint con"
                        + " WHERE con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x'))"
                        + " ORDER BY t.relname, i.relname, k";
                break;
            case MYSQL:
                sql = "SELECT table_name, index_name, non_unique = 0, column_name FROM information_schema.statistics"
                        + " WHERE table_schema = ? AND index_name <> 'PRIMARY' ORDER BY table_name, index_name, seq_in_index";
                break;
            case H2:
                sql = "SELECT i.table_name, i.index_name, i.index_type_name = 'UNIQUE INDEX', c.column_name"
                        + " FROM information_schema.indexes i JOIN information_schema.index_columns c"
                        + " ON c.index_schema = i.index_schema AND c.index_name = i.index_name AND c.table_name = i.table_name"
                        + " WHERE i.table_schema = ? AND i.index_type_name <> 'PRIMARY KEY' AND NOT i.is_generated"
                        + " ORDER BY i.table_name, i.index_name, c.ordinal_position";
                break;
            default:
                return;
        }
        query(c, sql, schema, rs -> {
            Map<String, Object> t = table(tables, kind, rs.getString(1));
            if (t == null) {
                return;
            }
            String tableName = name(kind, rs.getString(1));
            String iname = name(kind, rs.getString(2));
            if (kind == DatabaseKind.MYSQL && constraints.containsKey(tableName + "." + iname)) {
                return; // the index of a unique or foreign key: shown with the key
            }
            Map<String, Object> ix = submap(map(t, "indexes"), iname);
            ix.put("unique", rs.getBoolean(3));
            listIn(ix, "columns").add(name(kind, rs.getString(4)));
        });
    }

    /**
     * Returns the schema (PostgreSQL, H2) or database (MySQL/MariaDB) the connection works in.
     *
     * @param c the connection
     * @param kind its kind
     * @return the name
     * @throws SQLException if it cannot be read
     */
    public static String schemaOf(Connection c, DatabaseKind kind) throws SQLException {
        String sql = kind == DatabaseKind.POSTGRESQL ? "SELECT current_schema()"
                : kind == DatabaseKind.MYSQL ? "SELECT DATABASE()" : null;
        if (sql == null) {
            return c.getSchema();
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static boolean excluded(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("drm_") || n.equals("flyway_schema_history");
    }

    /** H2 stores unquoted names upper-case: show them lower-case, as the other databases do. */
    static String name(DatabaseKind kind, String name) {
        if (name == null) {
            return null;
        }
        return kind == DatabaseKind.H2 && name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT)
                : name;
    }

    private static Map<String, Object> table(Map<String, Object> tables, DatabaseKind kind, String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> t = (Map<String, Object>) tables.get(name(kind, name));
        return t;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> submap(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new TreeMap<String, Object>());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        return (List<Object>) parent.computeIfAbsent(key, k -> new ArrayList<>());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listIn(Map<String, Object> parent, String key) {
        return (List<Object>) parent.computeIfAbsent(key, k -> new ArrayList<>());
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, String schema, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }
}
