package io.drm.bench;

import io.drm.masking.MaskedCopy;
import io.drm.masking.MaskingRules;
import io.drm.masking.TypedMasker;
import io.drm.masking.internal.ColumnMasker;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Measures, in one process, a masked copy of a table of 6 columns (4 masked: a national id by
 * FF1, e-mail, card, full name) against two plain copies of the same rows between the same databases with the
 * same batch size: drm's copy engine with no rules, and the JDBC batch copy a user would write
 * ({@link PersonTable#jdbcCopy}). H2 in memory to H2 in memory, and PostgreSQL to PostgreSQL.
 * Prints medians and the ratios drm-masked / plain (target at most 1.25) and, on PostgreSQL,
 * plain JDBC / drm-masked (target at least 2: COPY against JDBC batches).
 *
 * <p>Usage: {@code MaskingBenchmark [rows] [rounds] [h2,postgresql|none] [mask-key]}; by default
 * 1,000,000 rows, 3 timed rounds after a warm-up on 50,000 rows and one untimed round on the
 * full table. {@code mask-key} masks the
 * primary key instead of the national id, so the target receives its rows in random key order. Nothing here fails a build; with
 * {@code DRM_REQUIRE_DBS=1} an unreachable PostgreSQL is an error instead of a skip.
 *
 * <p>The measurement runs in a child JVM whose heap is fixed at the maximum the launching JVM has
 * ({@code -Xms} = {@code -Xmx}, pre-touched): H2's databases live in that heap, and a heap that
 * grows from its initial size during each round and shrinks after the {@code System.gc()} between
 * rounds costs page faults in the kernel (5 s of system time a round, varying from round to round,
 * was seen on a 2-vCPU machine) that belong to neither copy. {@code -Dbench.fork=false} measures in
 * the launching JVM instead.
 */
public final class MaskingBenchmark {

    static final int BATCH = 1000;
    private static final int WARM_ROWS = 50_000;
    private static final double MASKED_OVER_PLAIN = 1.25;
    private static final double JDBC_OVER_COPY = 2.0;

    private MaskingBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optionally the rows, the timed rounds and the databases
     * @throws Exception if a database fails
     */
    public static void main(String[] args) throws Exception {
        if (!System.getProperty("bench.fork", "true").equals("false")) {
            fork(args);
            return;
        }
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String kinds = args.length > 2 ? args[2] : "h2,postgresql";
        boolean maskKey = args.length > 3 && args[3].equals("mask-key");
        java.lang.management.RuntimeMXBean jvm = java.lang.management.ManagementFactory.getRuntimeMXBean();
        System.out.printf(Locale.ROOT, "masked copy vs plain copy: %,d rows of 6 columns (4 masked%s), batch and"
                + " fetch size %d, median of %d rounds (Java %s, %d CPUs, heap %,d MiB, JVM options %s)%n", rows,
                maskKey ? ", primary key included" : "", BATCH, rounds, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                jvm.getInputArguments().stream().filter(o -> o.startsWith("-X")).toList());
        maskingCost(rows, maskKey);
        List<String> summary = new ArrayList<>();
        for (String kind : kinds.split(",")) {
            if (kind.isBlank() || kind.strip().equals("none")) {
                continue; // only the maskers' cost
            }
            BenchDatabase db = kind.strip().equals("h2") ? new H2Database() : PostgresDatabase.fromEnvironment();
            try {
                Availability.require(db);
            } catch (Scenario.SkippedException e) {
                System.out.println(db.name() + ": skipped (" + e.getMessage() + ")");
                continue;
            }
            summary.addAll(run(db, rows, rounds, maskKey));
        }
        System.out.println();
        summary.forEach(System.out::println);
    }

    /**
     * Runs the benchmark in a child JVM with this JVM's maximum heap, fixed and pre-touched, and
     * this JVM's system properties for the databases and logging.
     */
    private static void fork(String[] args) throws Exception {
        long heapMiB = Runtime.getRuntime().maxMemory() >> 20;
        List<String> options = new ArrayList<>(List.of("-Xms" + heapMiB + "m", "-Xmx" + heapMiB + "m",
                "-XX:+AlwaysPreTouch", "-Dbench.fork=false"));
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("drm.") || k.startsWith("org.slf4j."))
                .forEach(k -> options.add("-D" + k + "=" + System.getProperty(k)));
        Process child = new ProcessBuilder(ChildJvm.command(options, MaskingBenchmark.class, List.of(args)))
                .inheritIO().start();
        int exit = child.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the benchmark's JVM exited with " + exit);
        }
    }

    private static List<String> run(BenchDatabase db, long rows, int rounds, boolean maskKey) throws Exception {
        boolean postgres = db.name().equals("postgresql");
        String name = db.name() + " -> " + db.name();
        try (BenchDatabase.Fresh source = db.fresh()) {
            long t0 = System.nanoTime();
            PersonTable.create(source.dataSource());
            PersonTable.fill(source.dataSource(), postgres, "person", rows);
            PersonTable.fill(source.dataSource(), postgres, "person_warm", WARM_ROWS);
            System.out.printf(Locale.ROOT, "%n%s: source filled in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
            Map<String, Contender> contenders = new LinkedHashMap<>();
            contenders.put("drm masked copy", (s, t, table) -> copy(s, t, table, PersonTable.rules(maskKey)));
            contenders.put("drm plain copy (no rules)", (s, t, table) -> copy(s, t, table, MaskingRules.builder()
                    .build()));
            contenders.put("plain JDBC batch copy", (s, t, table) -> PersonTable.jdbcCopy(s, t, table, BATCH));
            for (Map.Entry<String, Contender> c : contenders.entrySet()) {
                time(db, source.dataSource(), c.getValue(), "person_warm", WARM_ROWS, new long[1]);
            }
            Map<String, Samples> samples = new LinkedHashMap<>();
            contenders.keySet().forEach(k -> samples.put(k, new Samples()));
            List<String> order = new ArrayList<>(contenders.keySet());
            List<Double> roundRatios = new ArrayList<>();
            for (int r = -1; r < rounds; r++) { // round 0 warms up on the full table and is not counted
                Map<String, Long> round = new LinkedHashMap<>();
                for (int i = 0; i < order.size(); i++) {
                    String c = order.get((i + Math.max(r, 0)) % order.size()); // rotate: no contender always first
                    long gc = gcMillis();
                    long[] cpu = new long[1];
                    long nanos = time(db, source.dataSource(), contenders.get(c), "person", rows, cpu);
                    if (r >= 0) {
                        samples.get(c).add(nanos);
                    }
                    round.put(c, nanos);
                    System.out.printf(Locale.ROOT, "  %-8s %-28s %,10.0f ms  %,10.0f rows/s  (CPU %,d ms, GC %,d ms)%n",
                            r < 0 ? "warm-up" : "round " + (r + 1), c, nanos / 1e6, rows / (nanos / 1e9),
                            cpu[0] / 1_000_000, gcMillis() - gc);
                }
                if (r >= 0) {
                    roundRatios.add((double) round.get("drm masked copy") / round.get("drm plain copy (no rules)"));
                }
            }
            double masked = samples.get("drm masked copy").medianMillis();
            double plain = samples.get("drm plain copy (no rules)").medianMillis();
            double jdbc = samples.get("plain JDBC batch copy").medianMillis();
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "%s, %,d rows: drm masked %,.0f ms (%s), drm plain %,.0f ms (%s),"
                    + " JDBC batch %,.0f ms (%s)", name, rows, masked, samples.get("drm masked copy").range(), plain,
                    samples.get("drm plain copy (no rules)").range(), jdbc, samples.get("plain JDBC batch copy").range()));
            out.add(String.format(Locale.ROOT, "  drm masked / drm plain = %.2f (target <= %.2f: %s; round by round %s)",
                    masked / plain, MASKED_OVER_PLAIN, masked / plain <= MASKED_OVER_PLAIN ? "met" : "MISSED",
                    roundRatios.stream().map(x -> String.format(Locale.ROOT, "%.2f", x))
                            .collect(java.util.stream.Collectors.joining(" "))));
            out.add(String.format(Locale.ROOT, "  drm masked / JDBC batch = %.2f (target <= %.2f: %s)", masked / jdbc,
                    MASKED_OVER_PLAIN, masked / jdbc <= MASKED_OVER_PLAIN ? "met" : "MISSED"));
            if (postgres) {
                out.add(String.format(Locale.ROOT, "  JDBC batch / drm masked via COPY = %.2f (target >= %.1f: %s)",
                        jdbc / masked, JDBC_OVER_COPY, jdbc / masked >= JDBC_OVER_COPY ? "met" : "MISSED"));
            }
            return out;
        }
    }

    /** One way of copying a table. */
    @FunctionalInterface
    interface Contender {
        long copy(DataSource source, DataSource target, String table) throws SQLException;
    }

    private static long copy(DataSource source, DataSource target, String table, MaskingRules rules) {
        return MaskedCopy.from(source).to(target).rules(rules).tables(table).batchSize(BATCH).fetchSize(BATCH).build()
                .run().rows();
    }

    /** Copies into a fresh target and returns the nanoseconds the copy took. */
    private static long time(BenchDatabase db, DataSource source, Contender contender, String table, long rows,
            long[] cpu) throws Exception {
        try (BenchDatabase.Fresh target = db.fresh()) {
            PersonTable.create(target.dataSource());
            System.gc();
            long cpu0 = processCpuNanos();
            long start = System.nanoTime();
            long copied = contender.copy(source, target.dataSource(), table);
            long nanos = System.nanoTime() - start;
            cpu[0] = processCpuNanos() - cpu0;
            long counted = PersonTable.count(target.dataSource(), table);
            if (copied != rows || counted != rows) {
                throw new IllegalStateException("copied " + copied + " rows, target has " + counted + ", expected "
                        + rows);
            }
            return nanos;
        }
    }

    /** @return the CPU time this process has used, every thread and the GC included, or 0 if unknown */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? Math.max(0, ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()) : 0;
    }

    private static long gcMillis() {
        long millis = 0;
        for (java.lang.management.GarbageCollectorMXBean gc
                : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, gc.getCollectionTime());
        }
        return millis;
    }

    /** What the four maskers alone cost per row on one thread, to read the ratios against. */
    private static void maskingCost(long rows, boolean maskKey) {
        MaskingRules rules = PersonTable.rules(maskKey);
        int n = (int) Math.min(rows, 200_000);
        String[][] values = new String[n][];
        for (int i = 0; i < n; i++) {
            long x = i + 1;
            String digits = String.format("%09d", x * 104_729 % 1_000_000_000);
            values[i] = new String[] {maskKey ? Long.toString(100_000_000 + x) : digits.substring(0, 3) + "-"
                + digits.substring(3, 5) + "-" + digits.substring(5), "user" + x + "@corp.example",
                "4" + String.format("%015d", x * 7919 % 1_000_000_000_000_000L), "Given" + (x % 997) + " Family"
                    + (x % 991)};
        }
        TypedMasker[] maskers = {rules.rule("person", maskKey ? "id" : "national_id").orElseThrow().masker(),
            rules.rule("person", "email").orElseThrow().masker(), rules.rule("person", "card").orElseThrow().masker(),
            rules.rule("person", "name").orElseThrow().masker()};
        long sink = 0;
        long best = Long.MAX_VALUE;
        long[] each = new long[4];
        java.util.Arrays.fill(each, Long.MAX_VALUE);
        Object[][] batch = new Object[BATCH][4];
        for (int round = 0; round < 4; round++) {
            long start = System.nanoTime();
            for (int from = 0; from < n; from += BATCH) {
                int size = fill(batch, values, from);
                for (int m = 0; m < 4; m++) {
                    sink += mask(maskers[m], batch, m, size);
                }
            }
            best = Math.min(best, System.nanoTime() - start);
            for (int m = 0; m < 4; m++) {
                long nanos = 0;
                for (int from = 0; from < n; from += BATCH) {
                    int size = fill(batch, values, from);
                    long t0 = System.nanoTime();
                    sink += mask(maskers[m], batch, m, size);
                    nanos += System.nanoTime() - t0;
                }
                each[m] = Math.min(each[m], nanos);
            }
        }
        System.out.printf(Locale.ROOT, "the 4 maskers alone, in batches of %d as the copy masks them: %.2f us per row"
                + " on one thread (%,.0f rows/s; %s %.2f, email %.2f, card %.2f, full name %.2f us; checksum %d)%n",
                BATCH, best / 1e3 / n, n / (best / 1e9), maskKey ? "fpe id" : "fpe national id", each[0] / 1e3 / n,
                each[1] / 1e3 / n, each[2] / 1e3 / n, each[3] / 1e3 / n, sink);
    }

    private static int fill(Object[][] batch, String[][] values, int from) {
        int size = Math.min(batch.length, values.length - from);
        for (int r = 0; r < size; r++) {
            System.arraycopy(values[from + r], 0, batch[r], 0, 4);
        }
        return size;
    }

    /** Masks column {@code m} of a batch the way the copy does; returns a checksum of the results. */
    private static long mask(TypedMasker masker, Object[][] batch, int m, int size) {
        if (masker instanceof ColumnMasker) {
            ((ColumnMasker) masker).maskColumn(batch, m, size);
        } else {
            for (int r = 0; r < size; r++) {
                batch[r][m] = masker.mask(batch[r][m]);
            }
        }
        long sum = 0;
        for (int r = 0; r < size; r++) {
            sum += ((String) batch[r][m]).length();
        }
        return sum;
    }
}
