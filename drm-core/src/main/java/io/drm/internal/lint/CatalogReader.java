package io.drm.internal.lint;

import io.drm.internal.DatabaseKind;
import io.drm.internal.sql.Dialect;
import io.drm.internal.sql.SqlWords;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the views, foreign keys and indexes that depend on given tables, in three bulk queries
 * (whatever the number of tables): {@code pg_catalog} on PostgreSQL ({@code pg_depend} knows which
 * columns a view or an index uses), {@code information_schema} on MariaDB and H2, whose view
 * dependencies are read from the stored view text with drm's lexer.
 */
final class CatalogReader {

    private static final String PG_VIEWS = "SELECT DISTINCT v.relname, NULL, tn.nspname, t.relname, a.attname"
            + " FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid JOIN pg_class v ON v.oid = r.ev_class"
            + " JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace"
            + " LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid AND d.refobjsubid > 0"
            + " WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass AND v.oid <> t.oid"
            + " AND lower(t.relname) = ANY (?)";
    private static final String PG_FOREIGN_KEYS = "SELECT c.conname, s.relname, tn.nspname, t.relname, a.attname"
            + " FROM pg_constraint c JOIN pg_class s ON s.oid = c.conrelid JOIN pg_class t ON t.oid = c.confrelid"
            + " JOIN pg_namespace tn ON tn.oid = t.relnamespace CROSS JOIN LATERAL unnest(c.confkey) k(attnum)"
            + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum"
            + " WHERE c.contype = 'f' AND lower(t.relname) = ANY (?)";
    private static final String PG_INDEXES = "SELECT DISTINCT i.relname, t.relname, tn.nspname, t.relname, a.attname"
            + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
            + " JOIN pg_namespace tn ON tn.oid = t.relnamespace"
            + " JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = i.oid"
            + " AND d.refclassid = 'pg_class'::regclass AND d.refobjid = t.oid AND d.refobjsubid > 0"
            + " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid"
            + " WHERE lower(t.relname) = ANY (?)";

    private CatalogReader() {
    }

    static Catalog read(Connection c, DatabaseKind kind, Set<String> tables) throws SQLException {
        List<Catalog.Dependency> deps = new ArrayList<>();
        switch (kind) {
            case POSTGRESQL: {
                String schema = c.getSchema();
                Array names = c.createArrayOf("text", tables.toArray());
                query(c, PG_VIEWS, names, Catalog.Kind.VIEW, deps);
                query(c, PG_FOREIGN_KEYS, names, Catalog.Kind.FOREIGN_KEY, deps);
                query(c, PG_INDEXES, names, Catalog.Kind.INDEX, deps);
                return new Catalog(schema, deps);
            }
            case MYSQL: {
                String in = in(tables.size());
                views(c, "SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS"
                        + " WHERE TABLE_SCHEMA = DATABASE()", null, Dialect.MYSQL, tables, deps);
                query(c, "SELECT CONSTRAINT_NAME, TABLE_NAME, REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME,"
                        + " REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
                        + " WHERE REFERENCED_TABLE_SCHEMA = DATABASE() AND LOWER(REFERENCED_TABLE_NAME) IN " + in,
                        tables, Catalog.Kind.FOREIGN_KEY, deps);
                query(c, "SELECT INDEX_NAME, TABLE_NAME, TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME"
                        + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND LOWER(TABLE_NAME) IN " + in, tables, Catalog.Kind.INDEX, deps);
                return new Catalog(c.getCatalog(), deps);
            }
            default: {
                String schema = c.getSchema();
                String in = in(tables.size());
                views(c, "SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS"
                        + " WHERE TABLE_SCHEMA = ?", schema, Dialect.H2, tables, deps);
                query(c, "SELECT rc.CONSTRAINT_NAME, fk.TABLE_NAME, pk.TABLE_SCHEMA, pk.TABLE_NAME, pk.COLUMN_NAME"
                        + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc"
                        + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE fk ON fk.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA"
                        + " AND fk.CONSTRAINT_NAME = rc.CONSTRAINT_NAME"
                        + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE pk"
                        + " ON pk.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA"
                        + " AND pk.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME"
                        + " AND pk.ORDINAL_POSITION = fk.POSITION_IN_UNIQUE_CONSTRAINT"
                        + " WHERE LOWER(pk.TABLE_NAME) IN " + in, tables, Catalog.Kind.FOREIGN_KEY, deps);
                query(c, "SELECT INDEX_NAME, TABLE_NAME, TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME"
                        + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE LOWER(TABLE_NAME) IN " + in,
                        tables, Catalog.Kind.INDEX, deps);
                return new Catalog(schema, deps);
            }
        }
    }

    private static String in(int n) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "?" : ", ?");
        }
        return b.append(')').toString();
    }

    /** Runs a query whose columns are: name, owner table, schema, table, column (null for the table). */
    private static void query(Connection c, String sql, Object names, Catalog.Kind kind, List<Catalog.Dependency> out)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (names instanceof Array) {
                ps.setArray(1, (Array) names);
            } else {
                int i = 1;
                for (Object name : (Set<?>) names) {
                    ps.setString(i++, (String) name);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Catalog.Dependency(kind, rs.getString(1), kind == Catalog.Kind.VIEW ? null
                            : rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
    }

    /**
     * Reads view definitions and records, for each view whose text names one of the tables, a
     * dependency on the table and on every name its text uses (a column can only be used by name).
     */
    private static void views(Connection c, String sql, String schema, Dialect d, Set<String> tables,
            List<Catalog.Dependency> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (schema != null) {
                ps.setString(1, schema);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String viewSchema = rs.getString(1);
                    String view = rs.getString(2);
                    List<String> words = SqlWords.identifiers(rs.getString(3), d);
                    Set<String> lower = new LinkedHashSet<>();
                    for (String w : words) {
                        lower.add(w.toLowerCase(Locale.ROOT));
                    }
                    for (String table : tables) {
                        if (!lower.contains(table) || table.equalsIgnoreCase(view)) {
                            continue;
                        }
                        out.add(new Catalog.Dependency(Catalog.Kind.VIEW, view, null, viewSchema, table, null));
                        for (String w : lower) {
                            if (!w.equals(table)) {
                                out.add(new Catalog.Dependency(Catalog.Kind.VIEW, view, null, viewSchema, table, w));
                            }
                        }
                    }
                }
            }
        }
    }
}
