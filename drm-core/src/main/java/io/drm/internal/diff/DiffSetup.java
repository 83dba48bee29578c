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
        Side source = new Side(sourceDs, s, sk, sc, nativeHash);
        Side target = new Side(targetDs, t, tk, tc, nativeHash);
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
