package io.drm;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.testing.DbKind;
import io.drm.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table diff against a brute-force comparison, on random tables with random inserts, deletes and
 * updates (NULLs, Unicode, keys at the range edges), for every pairing of databases. Seeds are
 * fixed, so a failure names the seed that reproduces it.
 */
final class TableDiffPropertyTest {

    private static final String[] SUFFIXES = {"", "é", "日本", "\uD83D\uDE00", "z", "\u00FF"};

    static Stream<Arguments> pairs() {
        List<DbKind> kinds = TestDatabase.enabledKinds().toList();
        List<Arguments> out = new ArrayList<>();
        for (DbKind a : kinds) {
            for (DbKind b : kinds) {
                if (a.ordinal() <= b.ordinal()) {
                    out.add(Arguments.of(a, b));
                }
            }
        }
        return out.stream();
    }

    /** A row: the values after the key, any of them NULL. */
    record Row(String name, BigDecimal amount, Boolean flag, LocalDateTime ts, UUID uid, Double ratio) {
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void integer_keys_match_brute_force(DbKind sourceKind, DbKind targetKind) throws Exception {
        try (TestDatabase s = TestDatabase.create(sourceKind); TestDatabase t = sourceKind == targetKind ? null
                : TestDatabase.create(targetKind)) {
            DataSource sourceDs = s.dataSource();
            DataSource targetDs = t == null ? s.dataSource() : t.dataSource();
            for (long seed = 1; seed <= 6; seed++) {
                Random random = new Random(seed * 7919 + sourceKind.ordinal() * 31 + targetKind.ordinal());
                TreeMap<Long, Row> base = new TreeMap<>();
                int n = 50 + random.nextInt(250);
                // seeds 1-4: keys at the edges of the 64-bit range (segments split by comparisons);
                // seeds 5-6: a narrow key range, whose segments are split by arithmetic on the key
                boolean edges = seed <= 4;
                if (edges) {
                    base.put(Long.MIN_VALUE, row(random));
                    base.put(Long.MAX_VALUE, row(random));
                }
                base.put(0L, row(random));
                while (base.size() < n) {
                    long id = edges && random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(100_000) - 50_000;
                    base.put(id, row(random));
                }
                TreeMap<Long, Row> changedSide = mutate(base, random,
                        () -> edges ? random.nextLong() : random.nextInt(120_000) - 60_000L);
                String sourceTable = "p_src_" + seed;
                String targetTable = "p_dst_" + seed;
                load(sourceDs, sourceKind, sourceTable, "BIGINT", base);
                load(targetDs, targetKind, targetTable, "BIGINT", changedSide);

                DiffReport report = TableDiff.between(sourceDs, targetDs).tables(sourceTable, targetTable).key("id")
                        .segments(2 + random.nextInt(8)).rowThreshold(1 + random.nextInt(20)).run();

                assertMatches(report, base, changedSide, "seed " + seed);
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void text_keys_match_brute_force(DbKind sourceKind, DbKind targetKind) throws Exception {
        try (TestDatabase s = TestDatabase.create(sourceKind); TestDatabase t = sourceKind == targetKind ? null
                : TestDatabase.create(targetKind)) {
            DataSource sourceDs = s.dataSource();
            DataSource targetDs = t == null ? s.dataSource() : t.dataSource();
            for (long seed = 1; seed <= 3; seed++) {
                Random random = new Random(seed * 104729 + sourceKind.ordinal() * 31 + targetKind.ordinal());
                TreeMap<String, Row> base = new TreeMap<>(TableDiffPropertyTest::codePoints);
                base.put("", row(random));
                int n = 30 + random.nextInt(200);
                while (base.size() < n) {
                    base.put(textKey(random.nextInt(1_000_000)), row(random));
                }
                TreeMap<String, Row> changedSide = mutate(base, random, () -> textKey(1_000_000 + random.nextInt(1000)));
                String sourceTable = "q_src_" + seed;
                String targetTable = "q_dst_" + seed;
                load(sourceDs, sourceKind, sourceTable, "VARCHAR(40)", base);
                load(targetDs, targetKind, targetTable, "VARCHAR(40)", changedSide);

                DiffReport report = TableDiff.between(sourceDs, targetDs).tables(sourceTable, targetTable).key("id")
                        .segments(2 + random.nextInt(8)).rowThreshold(1 + random.nextInt(20)).run();

                assertMatches(report, base, changedSide, "seed " + seed);
            }
        }
    }

    private static <K> void assertMatches(DiffReport report, TreeMap<K, Row> source, TreeMap<K, Row> target,
            String where) {
        List<List<Object>> added = new ArrayList<>();
        List<List<Object>> removed = new ArrayList<>();
        List<List<Object>> changed = new ArrayList<>();
        for (var e : source.entrySet()) {
            Row other = target.get(e.getKey());
            if (other == null) {
                removed.add(List.of(e.getKey()));
            } else if (!same(other, e.getValue())) {
                changed.add(List.of(e.getKey()));
            }
        }
        for (K k : target.keySet()) {
            if (!source.containsKey(k)) {
                added.add(List.of(k));
            }
        }
        assertThat(report.removed()).as(where + " removed").isEqualTo(removed);
        assertThat(report.added()).as(where + " added").isEqualTo(added);
        assertThat(report.changed()).as(where + " changed").isEqualTo(changed);
        assertThat(report.rowsCompared()).as(where).isEqualTo(source.size() + added.size());
    }

    private static boolean same(Row a, Row b) {
        return a.equals(b);
    }

    private static String textKey(int i) {
        return i + SUFFIXES[i % SUFFIXES.length];
    }

    interface KeySource<K> {
        K next();
    }

    private static <K> TreeMap<K, Row> mutate(TreeMap<K, Row> base, Random random, KeySource<K> fresh) {
        TreeMap<K, Row> out = new TreeMap<>(base);
        List<K> keys = new ArrayList<>(base.keySet());
        int edits = random.nextInt(12);
        for (int i = 0; i < edits; i++) {
            K k = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(3)) {
                case 0 -> out.remove(k);
                case 1 -> out.put(fresh.next(), row(random));
                default -> {
                    if (out.containsKey(k)) {
                        out.put(k, edit(out.get(k), random));
                    }
                }
            }
        }
        if (random.nextInt(3) == 0) {
            out.remove(keys.get(0));
            out.remove(keys.get(keys.size() - 1));
        }
        return out;
    }

    private static Row edit(Row r, Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> new Row(r.name() == null ? "x" : random.nextBoolean() ? null : r.name() + "ü", r.amount(), r.flag(),
                    r.ts(), r.uid(), r.ratio());
            case 1 -> new Row(r.name(), r.amount() == null ? BigDecimal.ONE : r.amount().add(new BigDecimal("0.001")),
                    r.flag(), r.ts(), r.uid(), r.ratio());
            case 2 -> new Row(r.name(), r.amount(), r.flag() == null ? Boolean.TRUE : null, r.ts(), r.uid(), r.ratio());
            case 3 -> new Row(r.name(), r.amount(), r.flag(), r.ts() == null ? LocalDateTime.of(2001, 1, 1, 0, 0)
                    : r.ts().plusNanos(1000), r.uid(), r.ratio());
            case 4 -> new Row(r.name(), r.amount(), r.flag(), r.ts(), uuid(random), r.ratio());
            default -> new Row(r.name(), r.amount(), r.flag(), r.ts(), r.uid(), r.ratio() == null ? 0.25 : null);
        };
    }

    private static UUID uuid(Random random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return UUID.nameUUIDFromBytes(bytes);
    }

    private static Row row(Random random) {
        String name = random.nextInt(6) == 0 ? null : switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> "Zoë 日本 \uD83D\uDE00 " + random.nextInt(1000);
            case 2 -> "it's \"quoted\" | N V1: " + random.nextInt(1000);
            default -> "plain " + random.nextInt(1_000_000);
        };
        BigDecimal amount = random.nextInt(6) == 0 ? null
                : BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, 3);
        Boolean flag = random.nextInt(5) == 0 ? null : random.nextBoolean();
        LocalDateTime ts = random.nextInt(6) == 0 ? null : LocalDateTime.of(1970 + random.nextInt(100),
                1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
                random.nextInt(60), random.nextInt(1_000_000) * 1000);
        UUID uid = random.nextInt(6) == 0 ? null : uuid(random);
        Double ratio = random.nextInt(4) == 0 ? null : random.nextInt(100_000) / 64.0;
        return new Row(name, amount, flag, ts, uid, ratio);
    }

    private static <K> void load(DataSource ds, DbKind kind, String table, String keyType, TreeMap<K, Row> rows)
            throws SQLException {
        String uuid = kind == DbKind.MARIADB ? "UUID" : "UUID";
        String ts = kind == DbKind.MARIADB ? "DATETIME(6)" : "TIMESTAMP(6)";
        String dbl = kind == DbKind.POSTGRESQL ? "DOUBLE PRECISION" : "DOUBLE";
        try (Connection c = ds.getConnection()) {
            try (var st = c.createStatement()) {
                st.execute("CREATE TABLE " + table + " (id " + keyType + " NOT NULL PRIMARY KEY, name VARCHAR(100),"
                        + " amount DECIMAL(12,3), flag BOOLEAN, ts " + ts + ", uid " + uuid + ", ratio " + dbl + ")");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                    + " (id, name, amount, flag, ts, uid, ratio) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (var e : rows.entrySet()) {
                    ps.setObject(1, e.getKey());
                    Row r = e.getValue();
                    ps.setString(2, r.name());
                    ps.setBigDecimal(3, r.amount());
                    if (r.flag() == null) {
                        ps.setNull(4, Types.BOOLEAN);
                    } else {
                        ps.setBoolean(4, r.flag());
                    }
                    ps.setTimestamp(5, r.ts() == null ? null : Timestamp.valueOf(r.ts()));
                    if (r.uid() == null) {
                        ps.setNull(6, kind == DbKind.POSTGRESQL ? Types.OTHER : Types.VARCHAR);
                    } else if (kind == DbKind.MARIADB) {
                        ps.setString(6, r.uid().toString());
                    } else {
                        ps.setObject(6, r.uid());
                    }
                    if (r.ratio() == null) {
                        ps.setNull(7, Types.DOUBLE);
                    } else {
                        ps.setDouble(7, r.ratio());
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static int codePoints(String a, String b) {
        return Comparator.<String>naturalOrder().compare(a, b) == 0 ? 0 : compareCodePoints(a, b);
    }

    private static int compareCodePoints(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        return java.util.Arrays.compare(x, y);
    }
}
