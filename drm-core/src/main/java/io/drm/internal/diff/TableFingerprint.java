package io.drm.internal.diff;

import io.drm.DriftReport.Difference;
import io.drm.DriftReport.Kind;
import io.drm.internal.DatabaseKind;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Order-independent fingerprints of whole tables, computed inside the database with the table
 * diff's canonical row text: the row count and the sum of the rows' 60-bit MD5 prefixes, so the
 * same rows give the same fingerprint on H2, PostgreSQL and MariaDB.
 *
 * <p>The data-artifact loader calls {@link #record} after it loads a table; drift detection calls
 * {@link #compare}. Fingerprints live in {@code drm_table_fingerprint} (one row a table) and, when
 * recorded with rows, per-row hashes in {@code drm_table_fingerprint_row}, so that drift detection
 * can name the changed keys.
 */
public final class TableFingerprint {

    /** Most changed keys one table's data difference names. */
    public static final int MAX_NAMED_KEYS = 1000;

    /**
     * A fingerprint.
     *
     * @param rows the row count
     * @param hash {@code <rows>:<sum>} in decimal
     */
    public record Fingerprint(long rows, String hash) {
    }

    private TableFingerprint() {
    }

    /**
     * Computes a table's fingerprint over all its columns, key columns first.
     *
     * @param c a connection to the table's schema
     * @param kind the database kind
     * @param table the table
     * @param keyColumns the key columns
     * @return the fingerprint
     * @throws SQLException if the database fails
     * @throws io.drm.DiffInputException if the table or a key column does not exist
     */
    public static Fingerprint of(Connection c, DatabaseKind kind, String table, List<String> keyColumns)
            throws SQLException {
        Parts p = parts(c, table, keyColumns);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM("
                + Canonical.hash60(p.shape.kind(), p.row) + ") FROM " + p.shape.quotedName())) {
            rs.next();
            long rows = rs.getLong(1);
            BigDecimal sum = rs.getBigDecimal(2);
            return new Fingerprint(rows, rows + ":" + (sum == null ? "0" : sum.toBigInteger().toString()));
        }
    }

    /**
     * Records a table's fingerprint (replacing an earlier one), optionally with per-row hashes.
     *
     * @param c an auto-commit connection
     * @param kind the database kind
     * @param table the table
     * @param keyColumns the key columns
     * @param source what loaded it, for example an artifact version, or {@code null}
     * @param withRows whether to keep per-row hashes so drift can name changed keys
     * @return the recorded fingerprint
     * @throws SQLException if the database fails
     */
    public static Fingerprint record(Connection c, DatabaseKind kind, String table, List<String> keyColumns,
            String source, boolean withRows) throws SQLException {
        ensureTables(c, kind);
        Fingerprint fp = of(c, kind, table, keyColumns);
        String name = parts(c, table, keyColumns).shape.name();
        try (PreparedStatement del = c.prepareStatement("DELETE FROM drm_table_fingerprint WHERE table_name = ?");
                PreparedStatement delRows = c.prepareStatement(
                        "DELETE FROM drm_table_fingerprint_row WHERE table_name = ?")) {
            del.setString(1, name);
            del.executeUpdate();
            delRows.setString(1, name);
            delRows.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drm_table_fingerprint (table_name, key_columns,"
                + " row_count, fingerprint, source, with_rows, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, String.join(",", keyColumns));
            ps.setLong(3, fp.rows());
            ps.setString(4, fp.hash());
            ps.setString(5, source);
            ps.setInt(6, withRows ? 1 : 0);
            ps.setTimestamp(7, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
        if (withRows) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO drm_table_fingerprint_row (table_name, row_key, row_hash) VALUES (?, ?, ?)")) {
                int n = 0;
                for (Map.Entry<String, String> e : rowHashes(c, table, keyColumns).entrySet()) {
                    ps.setString(1, name);
                    ps.setString(2, e.getKey());
                    ps.setString(3, e.getValue());
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        }
        return fp;
    }

    /**
     * Compares every recorded fingerprint with the table as it is now.
     *
     * @param c a connection
     * @param kind the database kind
     * @param nameKeys whether to name changed keys for tables recorded with rows
     * @return the differences: {@code data <table>} changed (expected and actual fingerprints), and
     *     with {@code nameKeys} {@code row <table>[<key>]} added, removed or changed
     * @throws SQLException if the database fails
     */
    public static List<Difference> compare(Connection c, DatabaseKind kind, boolean nameKeys) throws SQLException {
        List<Difference> out = new ArrayList<>();
        List<String[]> recorded = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT table_name, key_columns,"
                + " fingerprint, with_rows FROM drm_table_fingerprint ORDER BY table_name")) {
            while (rs.next()) {
                recorded.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        } catch (SQLException e) {
            return out; // nothing recorded yet
        }
        for (String[] r : recorded) {
            List<String> keys = List.of(r[1].split(","));
            Fingerprint now;
            try {
                now = of(c, kind, r[0], keys);
            } catch (io.drm.DiffInputException e) {
                out.add(new Difference("data " + SchemaReaderNames.name(kind, r[0]), Kind.REMOVED, r[2], null));
                continue;
            }
            if (now.hash().equals(r[2])) {
                continue;
            }
            String table = SchemaReaderNames.name(kind, r[0]);
            out.add(new Difference("data " + table, Kind.CHANGED, r[2], now.hash()));
            if (nameKeys && "1".equals(r[3])) {
                out.addAll(changedKeys(c, r[0], table, keys));
            }
        }
        return out;
    }

    private static List<Difference> changedKeys(Connection c, String stored, String table, List<String> keys)
            throws SQLException {
        Map<String, String> expected = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT row_key, row_hash FROM drm_table_fingerprint_row WHERE table_name = ?")) {
            ps.setString(1, stored);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    expected.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        TreeMap<String, Difference> found = new TreeMap<>(KeyOrder::codePoints);
        for (Map.Entry<String, String> e : rowHashes(c, stored, keys).entrySet()) {
            String was = expected.remove(e.getKey());
            if (was == null) {
                found.put(e.getKey(), new Difference("row " + table + "[" + e.getKey() + "]", Kind.ADDED, null,
                        e.getValue()));
            } else if (!was.equals(e.getValue())) {
                found.put(e.getKey(), new Difference("row " + table + "[" + e.getKey() + "]", Kind.CHANGED, was,
                        e.getValue()));
            }
        }
        expected.forEach((k, v) -> found.put(k, new Difference("row " + table + "[" + k + "]", Kind.REMOVED, v, null)));
        return new ArrayList<>(found.values()).subList(0, Math.min(found.size(), MAX_NAMED_KEYS));
    }

    private static Map<String, String> rowHashes(Connection c, String table, List<String> keyColumns)
            throws SQLException {
        Parts p = parts(c, table, keyColumns);
        StringJoiner key = new StringJoiner(", ',', ", "CONCAT(", ")");
        for (TableShape.Column k : p.keys) {
            key.add(Canonical.text(p.shape.kind(), k.cls(), k.quoted()));
        }
        String keyExpr = p.keys.size() == 1 ? Canonical.text(p.shape.kind(), p.keys.get(0).cls(),
                p.keys.get(0).quoted()) : key.toString();
        Map<String, String> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + keyExpr + ", "
                + Canonical.md5Hex(p.shape.kind(), p.row) + " FROM " + p.shape.quotedName())) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private record Parts(TableShape shape, List<TableShape.Column> keys, String row) {
    }

    private static Parts parts(Connection c, String table, List<String> keyColumns) throws SQLException {
        TableShape shape = TableShape.read(c, table, "fingerprinted");
        List<TableShape.Column> keys = new ArrayList<>();
        List<ValueClass> classes = new ArrayList<>();
        List<String> cols = new ArrayList<>();
        for (String k : keyColumns) {
            TableShape.Column col = shape.column(k);
            keys.add(col);
            classes.add(col.cls());
            cols.add(col.quoted());
        }
        for (TableShape.Column col : shape.columns().values()) {
            if (!keys.contains(col)) {
                classes.add(col.cls());
                cols.add(col.quoted());
            }
        }
        return new Parts(shape, keys, Canonical.row(shape.kind(), classes, cols));
    }

    static void ensureTables(Connection c, DatabaseKind kind) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS drm_table_fingerprint (table_name VARCHAR(200) NOT NULL PRIMARY KEY,"
                    + " key_columns VARCHAR(1000) NOT NULL, row_count BIGINT NOT NULL, fingerprint VARCHAR(100) NOT NULL,"
                    + " source VARCHAR(300), with_rows INT NOT NULL, recorded_at " + kind.timestampType() + " NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS drm_table_fingerprint_row (table_name VARCHAR(200) NOT NULL,"
                    + " row_key VARCHAR(700) NOT NULL, row_hash VARCHAR(32) NOT NULL)");
        }
    }
}
