package io.drm.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.drm.DiffReport;
import io.drm.TableDiff;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Table diff of two 1,000,000-row PostgreSQL tables with 10 changed rows (4 updated, 3 deleted, 3
 * inserted): drm's checksum bisection against its anchor, a full ordered scan of both sides compared
 * in the JVM. Prints the median of 3 timed runs after one warm-up each, the ratio, and how many rows
 * each sent to the JVM; and two floors that no in-database checksum can beat, measured the same way:
 * reading every row of both tables ({@code COUNT(*)}), and reading and hashing every row once into
 * one sum per table (what a checksum that cannot say where rows differ would cost). Run with
 * {@code mvn -B -q -pl drm-bench -am package -DskipTests exec:java -Dbench.main=io.drm.bench.TableDiffBenchmark}
 * ({@code -Dbench.rows=N} to change the size).
 */
public final class TableDiffBenchmark {

    private TableDiffBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args unused
     * @throws Exception if a database fails
     */
    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        PostgresDatabase postgres = PostgresDatabase.fromEnvironment();
        String why = postgres.unreachableReason();
        if (why != null) {
            System.out.println("PostgreSQL is not reachable (" + why + "); nothing to measure");
            return;
        }
        try (BenchDatabase.Fresh fresh = postgres.fresh(); HikariDataSource pool = pool(fresh)) {
            System.out.printf("loading two %,d-row tables ...%n", rows);
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE src (id BIGINT PRIMARY KEY, name VARCHAR(100), amount NUMERIC(12,2),"
                        + " created TIMESTAMP)");
                st.execute("INSERT INTO src SELECT g, 'customer ' || g, g * 1.25, TIMESTAMP '2020-01-01' + g *"
                        + " INTERVAL '1 second' FROM generate_series(1, " + rows + ") g");
                st.execute("CREATE TABLE dst (id BIGINT PRIMARY KEY, name VARCHAR(100), amount NUMERIC(12,2),"
                        + " created TIMESTAMP)");
                st.execute("INSERT INTO dst SELECT * FROM src");
                st.execute("UPDATE dst SET name = 'changed' WHERE id IN (17, " + rows / 3 + ", " + rows / 2 + ")");
                st.execute("UPDATE dst SET amount = NULL WHERE id = " + (rows - 5));
                st.execute("DELETE FROM dst WHERE id IN (1, " + rows / 4 + ", " + rows + ")");
                st.execute("INSERT INTO dst VALUES (" + (rows + 10) + ", 'new', 1, NULL), (" + (rows + 11)
                        + ", 'new', 2, NULL), (-1, 'new', 3, NULL)");
                st.execute("ANALYZE src");
                st.execute("ANALYZE dst");
            }
            DiffReport report = drm(pool);
            long[] fullCounts = full(pool);
            if (report.added().size() + report.removed().size() + report.changed().size() != 10
                    || fullCounts[0] != 10) {
                throw new IllegalStateException("expected 10 differences: drm " + report.toJson() + ", full scan "
                        + fullCounts[0]);
            }
            floor(pool, COUNT);
            floor(pool, HASH);
            long[] drmTimes = new long[3];
            long[] fullTimes = new long[3];
            long[] countTimes = new long[3];
            long[] hashTimes = new long[3];
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                report = drm(pool);
                drmTimes[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                fullCounts = full(pool);
                fullTimes[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                floor(pool, COUNT);
                countTimes[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                floor(pool, HASH);
                hashTimes[i] = System.nanoTime() - t0;
            }
            double drmMs = median(drmTimes) / 1e6;
            double fullMs = median(fullTimes) / 1e6;
            double countMs = median(countTimes) / 1e6;
            double hashMs = median(hashTimes) / 1e6;
            long total = 2L * rows;
            System.out.println();
            System.out.println("| contender | median ms | rows sent to the JVM | share of rows |");
            System.out.println("| --- | ---: | ---: | ---: |");
            System.out.printf("| drm TableDiff (bisection) | %.0f | %,d | %.3f %% |%n", drmMs, report.rowsFetched(),
                    100.0 * report.rowsFetched() / total);
            System.out.printf("| full ordered scan, compared in the JVM | %.0f | %,d | 100 %% |%n", fullMs, fullCounts[1]);
            System.out.printf("| floor: COUNT(*) of both sides at once | %.0f | 0 | 0 %% |%n", countMs);
            System.out.printf("| floor: one hash sum of every row, both sides at once | %.0f | 0 | 0 %% |%n", hashMs);
            System.out.printf("%nthe best speed-up any in-database checksum can reach here: %.1fx (reading and hashing"
                    + " every row once, with no segments); reading the rows alone: %.1fx%n", fullMs / hashMs,
                    fullMs / countMs);
            System.out.printf("%n(load average at the end: %.1f on %d cores)%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            double share = 100.0 * report.rowsFetched() / total;
            System.out.printf("%nspeed-up: %.1fx (target >= 10x) %s; rows sent to the JVM: %.3f %% (target < 1 %%) %s;"
                    + " drm checked %,d segments, found %d added, %d removed, %d changed%n", fullMs / drmMs,
                    fullMs / drmMs >= 10 ? "met" : "MISSED", share, share < 1 ? "met" : "MISSED",
                    report.segmentsChecked(), report.added().size(), report.removed().size(), report.changed().size());
        }
    }

    /** Reads every row of both tables, nothing else. */
    private static final String COUNT = "SELECT COUNT(*), 0 FROM %s";

    /**
     * Reads and hashes every row once with PostgreSQL's own hash functions, into one sum per table:
     * less work than any checksum that can also say where rows differ (no per-segment grouping, no
     * NULL handling, one seed for every column).
     */
    private static final String HASH = "SELECT COUNT(*), SUM(hashtextextended(name, id) # hash_numeric_extended(amount,"
            + " id) # timestamp_hash_extended(created, id)) FROM %s";

    /** Runs a query over both tables at once, one connection each, as drm's diff does. */
    private static void floor(HikariDataSource pool, String sql) throws Exception {
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Long>> sides = new ArrayList<>();
            for (String table : List.of("src", "dst")) {
                sides.add(two.submit(() -> {
                    try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                        // One process per side: with parallel workers the two sides' six processes fight
                        // over two cores and the floor comes out slower than it is.
                        st.execute("SET max_parallel_workers_per_gather = 0");
                        try (ResultSet rs = st.executeQuery(String.format(sql, table))) {
                            rs.next();
                            return rs.getLong(1);
                        } finally {
                            st.execute("RESET max_parallel_workers_per_gather");
                        }
                    }
                }));
            }
            for (java.util.concurrent.Future<Long> f : sides) {
                if (f.get() < 1) {
                    throw new IllegalStateException("empty table");
                }
            }
        } finally {
            two.shutdownNow();
        }
    }

    private static DiffReport drm(HikariDataSource pool) {
        return TableDiff.within(pool).tables("src", "dst").key("id").parallelism(Integer.getInteger("bench.parallelism", 4))
                .segments(Integer.getInteger("bench.segments", 32)).run();
    }

    /** The anchor: both sides ordered by key, streamed, merged and compared value by value. */
    private static long[] full(HikariDataSource pool) throws SQLException {
        long differences = 0;
        long fetched = 0;
        try (Connection a = pool.getConnection(); Connection b = pool.getConnection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            String sql = "SELECT id, name, amount, created FROM %s ORDER BY id";
            try (PreparedStatement pa = a.prepareStatement(String.format(sql, "src"));
                    PreparedStatement pb = b.prepareStatement(String.format(sql, "dst"))) {
                pa.setFetchSize(10_000);
                pb.setFetchSize(10_000);
                try (ResultSet ra = pa.executeQuery(); ResultSet rb = pb.executeQuery()) {
                    boolean hasA = ra.next();
                    boolean hasB = rb.next();
                    while (hasA || hasB) {
                        int c = !hasA ? 1 : !hasB ? -1 : Long.compare(ra.getLong(1), rb.getLong(1));
                        if (c != 0) {
                            differences++;
                        } else if (!Objects.equals(ra.getString(2), rb.getString(2))
                                || !Objects.equals(ra.getBigDecimal(3), rb.getBigDecimal(3))
                                || !Objects.equals(ra.getTimestamp(4), rb.getTimestamp(4))) {
                            differences++;
                        }
                        if (c <= 0) {
                            fetched++;
                            hasA = ra.next();
                        }
                        if (c >= 0) {
                            fetched++;
                            hasB = rb.next();
                        }
                    }
                }
            }
            a.commit();
            b.commit();
        }
        return new long[] {differences, fetched};
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static HikariDataSource pool(BenchDatabase.Fresh fresh) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(fresh.dataSource());
        config.setMaximumPoolSize(6);
        config.setPoolName("diff-bench");
        return new HikariDataSource(config);
    }
}
