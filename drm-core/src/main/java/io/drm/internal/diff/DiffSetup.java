package io.drm.internal.diff;

import io.drm.DiffFailedException;
import io.drm.DiffInputException;
import io.drm.DiffReport;
import io.drm.internal.DatabaseKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/** Checks a table diff's input against both tables, then runs it. */
public final class DiffSetup {

    private DiffSetup() {
    }

    /**
     * Checks the input and runs the diff.
     *
     * @param sourceDs the source data source
     * @param targetDs the target data source
     * @param sourceTable the source table
     * @param targetTable the target table
     * @param keyNames the key columns
     * @param columnNames the compared columns, or empty for all non-key columns of the source
     * @param parallelism the number of threads
     * @param factor segments a mismatching segment is split into
     * @param threshold rows at or under which a segment is compared row by row
     * @return the report
     * @throws DiffInputException before any work when the input does not fit the tables
     */
    public static DiffReport run(DataSource sourceDs, DataSource targetDs, String sourceTable, String targetTable,
            List<String> keyNames, List<String> columnNames, int parallelism, int factor, long threshold) {
        if (keyNames.isEmpty()) {
            throw new DiffInputException(DiffInputException.NO_KEY, "the table diff of " + sourceTable + " has no key:"
                    + " call key(\"id\") (or several columns for a composite key) with columns that identify a row on"
                    + " both sides; nothing was compared.");
        }
        TableShape s = shape(sourceDs, sourceTable, "source");
        TableShape t = shape(targetDs, targetTable, "target");
        List<TableShape.Column> sk = new ArrayList<>();
        List<TableShape.Column> tk = new ArrayList<>();
        for (String k : keyNames) {
            TableShape.Column a = s.column(k);
            TableShape.Column b = t.column(k);
            if (a.cls() != b.cls()) {
                throw new DiffInputException(DiffInputException.KEY_TYPE_MISMATCH, "key column " + k + " is "
                        + a.typeName() + " (" + a.cls().name().toLowerCase(Locale.ROOT) + ") in the source table "
                        + SchemaReaderNames.name(s.kind(), s.name()) + " but " + b.typeName() + " (" + b.cls().name().toLowerCase(Locale.ROOT) + ") in"
                        + " the target table " + SchemaReaderNames.name(t.kind(), t.name()) + ", so keys would not order and match alike. Give the key"
                        + " the same type on both sides, or compare through a view that casts it; nothing was"
                        + " compared.");
            }
            sk.add(a);
            tk.add(b);
        }
        Set<String> keySet = new LinkedHashSet<>();
        keyNames.forEach(k -> keySet.add(k.toLowerCase(Locale.ROOT)));
        List<String> names = new ArrayList<>(columnNames);
        if (names.isEmpty()) {
            for (TableShape.Column c : s.columns().values()) {
                if (!keySet.contains(c.name().toLowerCase(Locale.ROOT))) {
                    names.add(SchemaReaderNames.name(s.kind(), c.name()));
                }
            }
        }
        List<TableShape.Column> sc = new ArrayList<>();
        List<TableShape.Column> tc = new ArrayList<>();
        for (String c : names) {
            sc.add(s.column(c));
            tc.add(t.column(c));
        }
        boolean nativeHash = nativeHashFits(sourceDs, targetDs, s, t, sk, tk, sc, tc);
        Side source = new Side(sourceDs, s, sk, sc, nativeHash, rangeScansFit(sourceDs, s, sk.get(0)));
        Side target = new Side(targetDs, t, tk, tc, nativeHash, rangeScansFit(targetDs, t, tk.get(0)));
        return new DiffRunner(source, target, sk.get(0).cls() == ValueClass.INTEGER, parallelism, factor, threshold)
                .run(sourceTable, targetTable);
    }

    /**
     * Whether both sides can use PostgreSQL's own per-type hashes ({@link NativeHash}) instead of MD5
     * over the canonical text: both PostgreSQL 11 or later, and every key and compared column of the
     * same type on both sides.
     */
    private static boolean nativeHashFits(DataSource sourceDs, DataSource targetDs, TableShape s, TableShape t,
            List<TableShape.Column> sk, List<TableShape.Column> tk, List<TableShape.Column> sc,
            List<TableShape.Column> tc) {
        if (s.kind() != DatabaseKind.POSTGRESQL || t.kind() != DatabaseKind.POSTGRESQL
                || major(sourceDs) < 11 || major(targetDs) < 11) {
            return false;
        }
        for (int i = 0; i < sk.size(); i++) {
            if (!sk.get(i).typeName().equalsIgnoreCase(tk.get(i).typeName())) {
                return false;
            }
        }
        for (int i = 0; i < sc.size(); i++) {
            if (!sc.get(i).typeName().equalsIgnoreCase(tc.get(i).typeName())) {
                return false;
            }
        }
        return true;
    }

    /** Rows stored this nearly in key order (PostgreSQL's {@code pg_stats.correlation}) are read by index ranges. */
    static final double RANGE_SCAN_CORRELATION = 0.9;

    /**
     * Whether a side's segments may be checksummed child by child with index range scans: PostgreSQL,
     * an integer first key column that leads a valid, non-partial btree index, and statistics that
     * say the rows are stored nearly in key order. Without statistics (never analysed), or when the
     * catalog cannot be read, the rows are grouped by child in one scan as on the other databases.
     */
    static boolean rangeScansFit(DataSource ds, TableShape shape, TableShape.Column key) {
        if (shape.kind() != DatabaseKind.POSTGRESQL || key.cls() != ValueClass.INTEGER) {
            return false;
        }
        String sql = "SELECT s.correlation FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = c.relname AND s.attname = a.attname"
                + " WHERE a.attrelid = CAST(? AS regclass) AND a.attname = ? AND EXISTS (SELECT 1 FROM pg_index i"
                + " JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam"
                + " WHERE i.indrelid = a.attrelid AND i.indkey[0] = a.attnum AND i.indpred IS NULL AND i.indisvalid"
                + " AND am.amname = 'btree')";
        try (Connection c = ds.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, shape.quotedName());
            ps.setString(2, key.name());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double correlation = rs.getDouble(1);
                    if (!rs.wasNull() && Math.abs(correlation) >= RANGE_SCAN_CORRELATION) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            return false;
        }
    }

    private static int major(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return c.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            return 0;
        }
    }

    private static TableShape shape(DataSource ds, String table, String side) {
        try (Connection c = ds.getConnection()) {
            return TableShape.read(c, table, side);
        } catch (SQLException e) {
            throw new DiffFailedException("the table diff could not read the " + side + " table " + table + "'s"
                    + " columns: " + e.getMessage() + ". Check the " + side + " data source.", e);
        }
    }
}
