package io.drm.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.drm.audit.AuditSigningKey;
import io.drm.audit.AuditVerifier;
import io.drm.audit.Checkpoint;
import io.drm.audit.InclusionProof;
import io.drm.audit.JdbcAuditSink;
import io.drm.audit.JsonLinesAuditSink;
import io.drm.audit.TrustedKeys;
import io.drm.audit.VerificationReport;
import io.drm.spi.AuditEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Throughput of drm-audit's sinks and verifier against the targets: JSON lines with group
 * commit (>= 200,000 events/s) and with an fsync per event, the JDBC sink on PostgreSQL with
 * batching (>= 20,000 events/s), verification of a 1,000,000-entry log (>= 500,000 entries/s, with
 * memory that does not grow with the log), and one inclusion proof at 1,000,000 entries (< 5 ms).
 *
 * <p>Usage: {@code AuditBenchmark [--check] [--entries N] [group-commit|fsync|jdbc|verify ...]}; without
 * scenario names all run. {@code --entries} sets the size of the
 * verified log (default 1,000,000). With {@code --check} the exit status is 1 when a figure misses
 * its target. PostgreSQL comes from {@code DRM_BENCH_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test} as {@code postgres}); its scenario is skipped when
 * the server is unreachable.
 */
public final class AuditBenchmark {

    private static final AuditSigningKey KEY = AuditSigningKey.generate(new SecureRandom());
    private static final List<String> LINES = new ArrayList<>();
    private static boolean missed;

    private AuditBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code --check}, {@code --entries N}
     * @throws Exception if a scenario fails
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        boolean check = false;
        long entries = 1_000_000;
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--check")) {
                check = true;
            } else if (args[i].equals("--entries")) {
                entries = Long.parseLong(args[++i]);
            } else if (List.of("group-commit", "fsync", "jdbc", "verify").contains(args[i])) {
                only.add(args[i]);
            } else if (!args[i].isBlank()) {
                System.err.println("unknown argument " + args[i] + "; scenarios: group-commit, fsync, jdbc, verify");
                System.exit(2);
            }
        }
        long started = System.nanoTime();
        Path dir = Files.createTempDirectory("drm-audit-bench");
        try {
            if (only.isEmpty() || only.contains("group-commit")) {
                jsonLinesGroupCommit(dir.resolve("gc"));
            }
            if (only.isEmpty() || only.contains("fsync")) {
                jsonLinesFsync(dir.resolve("fsync"));
            }
            if (only.isEmpty() || only.contains("jdbc")) {
                jdbcPostgres();
            }
            if (only.isEmpty() || only.contains("verify")) {
                verifyAndProve(dir.resolve("big"), entries);
            }
        } finally {
            deleteTree(dir);
        }
        System.out.println();
        System.out.println("| scenario | figure | target | result |");
        System.out.println("|---|---:|---:|---|");
        LINES.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%nTotal time: %.1f s (Java %s, %d CPUs)%n", (System.nanoTime() - started) / 1e9,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        if (check && missed) {
            System.out.println("FAILED: a figure misses its target");
            System.exit(1);
        }
    }

    private static void jsonLinesGroupCommit(Path dir) throws IOException {
        int n = 300_000;
        List<Double> rates = new ArrayList<>();
        List<Double> cpuRates = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 5; round++) {
            Path file = dir.resolve("r" + round).resolve("audit.jsonl");
            try (JsonLinesAuditSink sink = JsonLinesAuditSink.builder(file).signingKey(KEY).build()) {
                long t0 = System.nanoTime();
                long c0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    sink.append(event(i));
                }
                sink.flush();
                rates.add(n / ((System.nanoTime() - t0) / 1e9));
                cpuRates.add(n / ((threads.getCurrentThreadCpuTime() - c0) / 1e9));
            }
            deleteTree(file.getParent());
        }
        report("JSON lines, group commit (1 thread, " + n + " events, median of 3 after 2 warm-up)",
                median(rates.subList(2, rates.size())), "events/s", 200_000, true);
        System.out.printf(Locale.ROOT, "  (appending thread's CPU time alone allows %,.0f events/s)%n",
                median(cpuRates.subList(2, cpuRates.size())));
    }

    private static void jsonLinesFsync(Path dir) {
        int n = 2_000;
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.builder(file)
                .durability(JsonLinesAuditSink.Durability.FSYNC).build()) {
            for (int i = 0; i < 200; i++) {
                sink.append(event(i));
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink.append(event(i));
            }
            report("JSON lines, fsync per event (1 thread, " + n + " events)", n / ((System.nanoTime() - t0) / 1e9),
                    "events/s", 0, true);
        }
    }

    private static void jdbcPostgres() throws Exception {
        PostgresDatabase postgres = PostgresDatabase.fromEnvironment();
        String why = postgres.unreachableReason();
        if (why != null) {
            LINES.add("| JDBC sink on PostgreSQL | skipped: " + why + " | | |");
            return;
        }
        try (BenchDatabase.Fresh fresh = postgres.fresh(); HikariDataSource pool = pool(fresh)) {
            try (JdbcAuditSink sink = JdbcAuditSink.builder(pool).signingKey(KEY).build()) {
                int threads = 64;
                int perThread = 1_000;
                concurrent(sink, threads, 200); // warm-up
                List<Double> rates = new ArrayList<>();
                for (int round = 0; round < 5; round++) {
                    long t0 = System.nanoTime();
                    concurrent(sink, threads, perThread);
                    rates.add(threads * (double) perThread / ((System.nanoTime() - t0) / 1e9));
                }
                report("JDBC sink on PostgreSQL, " + threads + " threads calling append (group commit, median of 5"
                        + " rounds of " + threads * perThread + ")", median(rates), "events/s", 20_000, true);

                int lists = 100;
                int each = 500;
                long t1 = System.nanoTime();
                for (int l = 0; l < lists; l++) {
                    List<AuditEvent> batch = new ArrayList<>(each);
                    for (int i = 0; i < each; i++) {
                        batch.add(event(l * each + i));
                    }
                    sink.appendAll(batch);
                }
                double listRate = lists * (double) each / ((System.nanoTime() - t1) / 1e9);
                report("JDBC sink on PostgreSQL, 1 thread calling appendAll (lists of " + each + ")", listRate,
                        "events/s", 20_000, true);
                long t2 = System.nanoTime();
                int single = 1_000;
                for (int i = 0; i < single; i++) {
                    sink.append(event(i));
                }
                report("JDBC sink on PostgreSQL, 1 thread calling append (one commit each)",
                        single / ((System.nanoTime() - t2) / 1e9), "events/s", 0, true);
            }
            VerificationReport report = AuditVerifier.forTable(pool).trusting(TrustedKeys.of(KEY.publicKey())).verify();
            if (!report.ok()) {
                throw new IllegalStateException("the benchmark's table log does not verify: " + report);
            }
        }
    }

    private static HikariDataSource pool(BenchDatabase.Fresh fresh) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(fresh.dataSource());
        config.setMaximumPoolSize(8);
        config.setPoolName("audit-bench");
        return new HikariDataSource(config);
    }

    private static void concurrent(JdbcAuditSink sink, int threads, int perThread) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        sink.append(event(thread * 1_000_000 + i));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void verifyAndProve(Path dir, long entries) throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (JsonLinesAuditSink sink = JsonLinesAuditSink.builder(file).signingKey(KEY)
                .checkpointEvery(10_000, Duration.ofHours(1)).build()) {
            for (long i = 0; i < entries; i++) {
                sink.append(event(i));
            }
        }
        long bytes;
        try (Stream<Path> files = Files.list(dir)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        TrustedKeys trusted = TrustedKeys.of(KEY.publicKey());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Double> rates = new ArrayList<>();
        long peak = 0;
        long base = 0;
        VerificationReport report = null;
        for (int round = 0; round < 3; round++) {
            System.gc();
            base = memory.getHeapMemoryUsage().getUsed();
            HeapSampler sampler = new HeapSampler(memory);
            sampler.start();
            long t0 = System.nanoTime();
            report = AuditVerifier.forFiles(file).trusting(trusted).verify();
            double seconds = (System.nanoTime() - t0) / 1e9;
            sampler.stop = true;
            sampler.join();
            peak = Math.max(peak, sampler.peak.get() - base);
            if (!report.ok() || report.entries() != entries) {
                throw new IllegalStateException("the benchmark's log does not verify: " + report);
            }
            rates.add(entries / seconds);
        }
        report("verify " + entries + " entries (" + bytes / (1 << 20) + " MiB of JSON lines, signed checkpoint every"
                + " 10,000), median of 3", median(rates), "entries/s", 500_000, true);
        String small = verifyInSmallHeap(file, "64m");
        boolean ok = small.startsWith("ok ");
        LINES.add(String.format(Locale.ROOT, "| memory: the same %d MiB log verified in a separate JVM with -Xmx64m"
                + " (heap in this JVM grew by %.0f MiB, mostly garbage) | %s | completes | %s |", bytes / (1 << 20),
                peak / 1048576.0, ok ? small : "failed: " + small, ok ? "OK" : "MISS"));
        missed |= !ok;

        Checkpoint latest = report.latestCheckpoint();
        AuditVerifier prover = AuditVerifier.forFiles(file);
        long t0 = System.nanoTime();
        InclusionProof first = prover.inclusionProof(entries / 2, latest);
        double firstMs = (System.nanoTime() - t0) / 1e6;
        if (!first.verify(trusted)) {
            throw new IllegalStateException("an inclusion proof does not verify");
        }
        Random random = new Random(42);
        double[] times = new double[200];
        for (int i = 0; i < times.length; i++) {
            long seq = 1 + (long) (random.nextDouble() * latest.treeSize());
            long t = System.nanoTime();
            InclusionProof proof = prover.inclusionProof(seq, latest);
            times[i] = (System.nanoTime() - t) / 1e6;
            if (!proof.verify(trusted)) {
                throw new IllegalStateException("an inclusion proof does not verify");
            }
        }
        Arrays.sort(times);
        report("one inclusion proof at " + latest.treeSize() + " entries (median of 200 random; index built once, "
                + String.format(Locale.ROOT, "first proof with it %.0f ms)", firstMs), times[times.length / 2], "ms",
                5, false);
        LINES.add(String.format(Locale.ROOT, "| inclusion proof, 99th percentile | %.2f ms | < 5 ms | %s |",
                times[(int) (times.length * 0.99)], times[(int) (times.length * 0.99)] < 5 ? "OK" : "MISS"));
    }

    /**
     * Verifies a log in a child JVM with a small heap: that it completes shows that verification
     * streams instead of holding the log.
     */
    private static String verifyInSmallHeap(Path file, String heap) throws Exception {
        Process child = new ProcessBuilder(ChildJvm.command(List.of("-Xmx" + heap,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), SmallHeapVerify.class,
                List.of(file.toString(), KEY.publicKey().toPem())))
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        child.waitFor();
        return child.exitValue() == 0 ? out : "exit " + child.exitValue() + ": " + out;
    }

    /** Child-process main for {@link #verifyInSmallHeap}: verifies a JSON-lines log and prints the outcome. */
    public static final class SmallHeapVerify {
        private SmallHeapVerify() {
        }

        /**
         * @param args the active file and the trusted public key's PEM
         */
        public static void main(String[] args) {
            long t0 = System.nanoTime();
            VerificationReport report = AuditVerifier.forFiles(Path.of(args[0]))
                    .trusting(TrustedKeys.of(io.drm.audit.AuditPublicKey.fromPem(args[1]))).verify();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!report.ok()) {
                System.out.println("does not verify: " + report);
                System.exit(1);
            }
            System.out.printf(Locale.ROOT, "ok %,d entries in %.1f s, max heap %d MiB%n", report.entries(), seconds,
                    Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    /** Samples heap use every 5 ms. */
    private static final class HeapSampler extends Thread {
        final AtomicLong peak = new AtomicLong();
        volatile boolean stop;
        private final MemoryMXBean memory;

        HeapSampler(MemoryMXBean memory) {
            this.memory = memory;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!stop) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static AuditEvent event(long n) {
        return AuditEvent.of("evt-" + n, Instant.ofEpochMilli(1_764_000_000_000L + n), "deploy-bot",
                n % 5 == 0 ? "release.completed" : "migration.applied", "prod", "PostgreSQL/app",
                AuditEvent.Outcome.SUCCESS, Map.of("releaseId", "rel-" + n / 20, "version", Long.toString(n % 500),
                        "checksum", "sha256:4f1c9d2b7a6e5f3c8d0b1a2e3f4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c",
                        "durationMs", Long.toString(n % 97)));
    }

    private static void report(String what, double figure, String unit, double target, boolean atLeast) {
        String result;
        String targetText;
        if (target <= 0) {
            result = "-";
            targetText = "-";
        } else {
            boolean ok = atLeast ? figure >= target : figure < target;
            result = ok ? "OK" : "MISS";
            targetText = (atLeast ? ">= " : "< ") + String.format(Locale.ROOT, "%,.0f", target) + " " + unit;
            missed |= !ok;
        }
        String line = String.format(Locale.ROOT, "| %s | %s %s | %s | %s |", what,
                figure >= 100 ? String.format(Locale.ROOT, "%,.0f", figure) : String.format(Locale.ROOT, "%.2f", figure),
                unit, targetText, result);
        System.out.println(line);
        LINES.add(line);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        return sorted.get(sorted.size() / 2);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
