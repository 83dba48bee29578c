package io.drm.internal.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.DiffReport;
import io.drm.TableDiff;
import io.drm.testing.DbKind;
import io.drm.testing.TestDatabase;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, segment checksums read child by child with index range scans equal those of one
 * grouped scan, for any parent and split; drm picks range scans only for an indexed integer key whose
 * rows are stored in key order; and a diff that uses them finds exactly the changed rows.
 */
final class RangeChecksumsTest {

    private static final long SEED = 20261208L;

    @Test
    void rangeScans_giveTheChecksumsOfOneGroupedScan() throws SQLException {
        try (TestDatabase db = TestDatabase.create(DbKind.POSTGRESQL)) {
            List<Long> keys = new ArrayList<>();
            Random r = new Random(SEED);
            for (long k = -3_000; k <= 3_000; k += 1 + r.nextInt(3)) {
                keys.add(k);
            }
            keys.add(1L << 40);
            keys.add(-(1L << 40));
            load(db, "t", keys, r, false);
            db.execute("ANALYZE t");
            Side grouped = side(db, "t", false);
            Side ranged = side(db, "t", true);
            long[][] splits = {
                {-(1L << 40), 1L << 30, 1023}, // the root: open ends, children far wider than the rows
                {-3_000, 6, 1023},
                {-3_000, 1, 31},
                {0, 7, 31},
                {2_990, 1, 15}, // past the last dense key: empty children
            };
            Object[][] parents = {{null, null}, {null, BigInteger.valueOf(100)}, {BigInteger.valueOf(-50), null},
                {BigInteger.valueOf(-50), BigInteger.valueOf(51)}};
            int compared = 0;
            for (long[] split : splits) {
                for (Object[] p : parents) {
                    Segment parent = new Segment(p[0], p[1], 1);
                    BigInteger base = BigInteger.valueOf(split[0]);
                    if (p[0] != null && base.compareTo((BigInteger) p[0]) < 0) {
                        base = (BigInteger) p[0]; // children start inside their parent, as drm splits them
                    }
                    BigInteger step = BigInteger.valueOf(split[1]);
                    List<Object> bounds = new ArrayList<>();
                    for (int i = 1; i <= split[2]; i++) {
                        bounds.add(base.add(step.multiply(BigInteger.valueOf(i))));
                    }
                    List<Side.Checksum> expected = grouped.checksums(parent, bounds, base, step);
                    List<Side.Checksum> actual = ranged.checksums(parent, bounds, base, step);
                    assertThat(actual).as("split %s..%s of %s", base, step, parent).isEqualTo(expected);
                    assertThat(actual.stream().mapToLong(Side.Checksum::count).sum()).isPositive();
                    compared++;
                }
            }
            assertThat(compared).isEqualTo(splits.length * parents.length);
        }
    }

    @Test
    void rangeScans_areChosenOnlyForAnIndexedKeyStoredInKeyOrder() throws SQLException {
        try (TestDatabase db = TestDatabase.create(DbKind.POSTGRESQL)) {
            List<Long> keys = new ArrayList<>();
            for (long k = 1; k <= 5_000; k++) {
                keys.add(k);
            }
            Random r = new Random(SEED);
            load(db, "ordered", keys, r, false);
            assertThat(fits(db, "ordered")).as("before ANALYZE: no statistics").isFalse();
            db.execute("ANALYZE ordered");
            assertThat(fits(db, "ordered")).isTrue();

            List<Long> shuffled = new ArrayList<>(keys);
            Collections.shuffle(shuffled, r);
            load(db, "shuffled", shuffled, r, false);
            db.execute("ANALYZE shuffled");
            assertThat(fits(db, "shuffled")).as("rows stored in random key order").isFalse();

            load(db, "unindexed", keys, r, true);
            db.execute("ANALYZE unindexed");
            assertThat(fits(db, "unindexed")).as("no index on the key").isFalse();
        }
        try (TestDatabase h2 = TestDatabase.create(DbKind.H2)) {
            h2.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR(10), n NUMERIC(10, 2))");
            assertThat(fits(h2, "t")).isFalse();
        }
    }

    @Test
    void aDiffWithRangeScans_findsExactlyTheChangedRows() throws SQLException {
        try (TestDatabase db = TestDatabase.create(DbKind.POSTGRESQL)) {
            List<Long> keys = new ArrayList<>();
            for (long k = 1; k <= 20_000; k++) {
                keys.add(k);
            }
            load(db, "a", keys, new Random(SEED), false);
            load(db, "b", keys, new Random(SEED), false);
            db.execute("UPDATE b SET v = 'changed' WHERE id IN (1, 7777)");
            db.execute("UPDATE b SET n = NULL WHERE id = 12345 AND n IS NOT NULL");
            db.execute("UPDATE b SET n = 1 WHERE id = 12345 AND n IS NULL");
            db.execute("DELETE FROM b WHERE id IN (2, 20000)");
            db.execute("INSERT INTO b VALUES (-5, 'new', 1), (30000, 'new', 2)");
            db.execute("ANALYZE a");
            db.execute("ANALYZE b");
            assertThat(fits(db, "a")).isTrue();
            assertThat(fits(db, "b")).isTrue();

            DiffReport report = TableDiff.within(db.dataSource()).tables("a", "b").key("id").run();

            assertThat(report.changed()).containsExactly(List.of(1L), List.of(7777L), List.of(12345L));
            assertThat(report.removed()).containsExactly(List.of(2L), List.of(20000L));
            assertThat(report.added()).containsExactly(List.of(-5L), List.of(30000L));
            assertThat(report.rowsFetched()).isLessThan(2_000);
        }
    }

    private static boolean fits(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            TableShape shape = TableShape.read(c, table, "source");
            return DiffSetup.rangeScansFit(db.dataSource(), shape, shape.column("id"));
        }
    }

    private static Side side(TestDatabase db, String table, boolean rangeScans) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            TableShape shape = TableShape.read(c, table, "source");
            return new Side(db.dataSource(), shape, List.of(shape.column("id")),
                    List.of(shape.column("v"), shape.column("n")), true, rangeScans);
        }
    }

    /** A table of the keys in the order given (so stored in that order), with text, NULLs and numbers. */
    private static void load(TestDatabase db, String table, List<Long> keys, Random r, boolean noIndex)
            throws SQLException {
        db.execute("CREATE TABLE " + table + " (id BIGINT" + (noIndex ? "" : " PRIMARY KEY")
                + ", v VARCHAR(20), n NUMERIC(12, 2))");
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?)")) {
            c.setAutoCommit(false);
            for (long k : keys) {
                ps.setLong(1, k);
                ps.setString(2, r.nextInt(10) == 0 ? null : "v\u00e9" + r.nextInt(1000));
                ps.setBigDecimal(3, r.nextInt(10) == 0 ? null : java.math.BigDecimal.valueOf(r.nextInt(100_000), 2));
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
    }
}
