package io.drm.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A full fingerprint of a test database's schema and data: every table and view, its columns
 * (name, type, size, nullability, default), primary key, indexes and foreign keys, and for every table
 * its row count and a hash over its rows (sorted, so independent of physical order). Flyway's
 * {@code flyway_schema_history} and drm's {@code drm_*} tables are included like any other table.
 * Two fingerprints compare entry by entry, so an assertion names exactly what changed.
 */
public final class DatabaseFingerprint {

    private DatabaseFingerprint() {
    }

    /**
     * Takes the fingerprint of a test database.
     *
     * @param db the database
     * @return entries like {@code table customer} -> column list, {@code rows customer} -> count and hash
     */
    public static Map<String, String> of(TestDatabase db) {
        try (Connection c = db.dataSource().getConnection()) {
            String catalog = db.kind() == DbKind.MARIADB ? c.getCatalog() : null;
            String schema = db.kind() == DbKind.MARIADB ? null : c.getSchema();
            DatabaseMetaData md = c.getMetaData();
            Map<String, String> out = new TreeMap<>();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = md.getTables(catalog, schema, "%", new String[] {"TABLE", "VIEW"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    tables.add(name);
                    out.put("object " + name, rs.getString("TABLE_TYPE"));
                }
            }
            for (String table : tables) {
                out.put("table " + table, columns(md, catalog, schema, table));
                out.put("primary key " + table, primaryKey(md, catalog, schema, table));
                out.put("indexes " + table, indexes(md, catalog, schema, table));
                out.put("foreign keys " + table, foreignKeys(md, catalog, schema, table));
                out.put("rows " + table, rows(c, md.getIdentifierQuoteString().strip(), table));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the fingerprint of " + db + ": " + e.getMessage(), e);
        }
    }

    private static String columns(DatabaseMetaData md, String catalog, String schema, String table)
            throws SQLException {
        List<String> cols = new ArrayList<>();
        try (ResultSet rs = md.getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                cols.add(rs.getInt("ORDINAL_POSITION") + ":" + rs.getString("COLUMN_NAME") + " "
                        + rs.getString("TYPE_NAME") + "(" + rs.getInt("COLUMN_SIZE") + "," + rs.getInt("DECIMAL_DIGITS")
                        + ") nullable=" + rs.getString("IS_NULLABLE") + " default=" + rs.getString("COLUMN_DEF"));
            }
        }
        Collections.sort(cols);
        return String.join("; ", cols);
    }

    private static String primaryKey(DatabaseMetaData md, String catalog, String schema, String table)
            throws SQLException {
        List<String> cols = new ArrayList<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                cols.add(rs.getShort("KEY_SEQ") + ":" + rs.getString("COLUMN_NAME"));
            }
        }
        Collections.sort(cols);
        return String.join(",", cols);
    }

    private static String indexes(DatabaseMetaData md, String catalog, String schema, String table)
            throws SQLException {
        List<String> idx = new ArrayList<>();
        try (ResultSet rs = md.getIndexInfo(catalog, schema, table, false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null) {
                    idx.add(rs.getString("INDEX_NAME") + "#" + rs.getShort("ORDINAL_POSITION") + "="
                            + rs.getString("COLUMN_NAME") + (rs.getBoolean("NON_UNIQUE") ? "" : " unique"));
                }
            }
        }
        Collections.sort(idx);
        return String.join("; ", idx);
    }

    private static String foreignKeys(DatabaseMetaData md, String catalog, String schema, String table)
            throws SQLException {
        List<String> fks = new ArrayList<>();
        try (ResultSet rs = md.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                fks.add(rs.getString("FK_NAME") + ":" + rs.getString("FKCOLUMN_NAME") + "->"
                        + rs.getString("PKTABLE_NAME") + "." + rs.getString("PKCOLUMN_NAME"));
            }
        }
        Collections.sort(fks);
        return String.join("; ", fks);
    }

    private static String rows(Connection c, String quote, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + quote + table + quote)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(meta.getColumnName(i).toLowerCase(Locale.ROOT)).append('=').append(rs.getString(i))
                            .append('\u0001');
                }
                rows.add(row.toString());
            }
        }
        Collections.sort(rows);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String row : rows) {
            sha.update(row.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return rows.size() + " rows, sha256 " + HexFormat.of().formatHex(sha.digest());
    }
}
