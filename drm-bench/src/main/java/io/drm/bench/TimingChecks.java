package io.drm.bench;

import io.drm.audit.JdbcAuditSink;
import io.drm.masking.MaskedCopy;
import io.drm.masking.Maskers;
import io.drm.masking.MaskingJobException;
import io.drm.masking.MaskingRules;
import io.drm.masking.TypedMasker;
import io.drm.spi.AuditEvent;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Checks that depend on timing, scheduling or the JIT, and so are not unit tests: how many
 * transactions the JDBC audit sink's group commit needs for concurrent appends, how many bytes the
 * FF1-based maskers allocate per value once warm, and how soon a failing table stops a masked
 * copy. Each prints its figure next to the bound it is expected to meet; the exit status is 1 when
 * one is over its bound (a regression worth a look, not a flaky test).
 *
 * <pre>{@code mvn -B -q -pl drm-bench -am package -DskipTests exec:java -Dbench.main=io.drm.bench.TimingChecks}</pre>
 */
public final class TimingChecks {

    private static final byte[] KEY = HexFormat.of().parseHex(
            "6a09e667f3bcc908b2fb1366ea3b0f8a3c6ef372fe94f82ba54ff53a5f1d36f1");
    private static final String DIGITS = "0123456789";
    private static boolean over;

    private TimingChecks() {
    }

    /**
     * @param args none
     * @throws Exception if a check cannot run
     */
    public static void main(String[] args) throws Exception {
        groupCommit();
        allocation();
        copyStop();
        System.out.println(over ? "some figures are over their bounds" : "every figure is within its bound");
        System.exit(over ? 1 : 0);
    }

    private static void report(String what, double value, String unit, double bound) {
        boolean ok = value < bound;
        over |= !ok;
        System.out.printf("%-78s %10.1f %-14s (bound < %.0f) %s%n", what, value, unit, bound,
                ok ? "ok" : "OVER BOUND");
    }

    /** 16 threads append 100 events each on one JDBC sink: group commit shares transactions. */
    private static void groupCommit() throws Exception {
        try (BenchDatabase.Fresh db = new H2Database().fresh()) {
            AtomicLong commits = new AtomicLong();
            DataSource counting = countingCommits(db.dataSource(), commits);
            try (JdbcAuditSink sink = JdbcAuditSink.open(counting)) {
                commits.set(0);
                ExecutorService pool = Executors.newFixedThreadPool(16);
                try {
                    List<Future<?>> futures = new ArrayList<>();
                    for (int t = 0; t < 16; t++) {
                        int thread = t;
                        futures.add(pool.submit(() -> {
                            for (int i = 0; i < 100; i++) {
                                sink.append(AuditEvent.of("t" + thread + "-" + i, Instant.now(), "bench",
                                        "migration.applied", "bench", "h2", AuditEvent.Outcome.SUCCESS, Map.of()));
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
            report("JDBC audit sink on H2: commits for 1600 events from 16 threads", commits.get(), "commits", 800);
        }
    }

    private static DataSource countingCommits(DataSource ds, AtomicLong commits) {
        InvocationHandler h = (proxy, method, args) -> {
            Object out = invoke(ds, method, args);
            if (method.getName().equals("getConnection")) {
                Connection c = (Connection) out;
                return Proxy.newProxyInstance(TimingChecks.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (p, m, a) -> {
                            if (m.getName().equals("commit")) {
                                commits.incrementAndGet();
                            }
                            return invoke(c, m, a);
                        });
            }
            return out;
        };
        return (DataSource) Proxy.newProxyInstance(TimingChecks.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, h);
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Bytes a thread allocates per value masked, after two warm-up passes. */
    private static void allocation() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        Random random = new Random(1);
        String[] ssn = new String[20_000];
        for (int i = 0; i < ssn.length; i++) {
            ssn[i] = digits(random, 3) + "-" + digits(random, 2) + "-" + digits(random, 4);
        }
        report("fpe: bytes allocated per ddd-dd-dddd value", bytesPerValue(threads, Maskers.fpe(KEY, DIGITS), ssn),
                "bytes/value", 200);
        report("card: bytes allocated per 16-digit number", bytesPerValue(threads, Maskers.paymentCard(KEY, false),
                cards(random, 16)), "bytes/value", 200);
        report("card keeping BIN and last 4: bytes allocated per 19-digit number",
                bytesPerValue(threads, Maskers.paymentCard(KEY, true), cards(random, 19)), "bytes/value", 200);
    }

    private static double bytesPerValue(com.sun.management.ThreadMXBean threads, TypedMasker masker, String[] values) {
        long sink = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (String v : values) {
                sink += ((String) masker.mask(v)).length();
            }
        }
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (String v : values) {
            sink += ((String) masker.mask(v)).length();
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        if (sink == 0) {
            throw new IllegalStateException("nothing masked");
        }
        return (double) allocated / values.length;
    }

    private static String digits(Random random, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    private static String[] cards(Random random, int n) {
        String[] out = new String[20_000];
        for (int i = 0; i < out.length; i++) {
            int[] d = new int[n];
            for (int j = 0; j < n - 1; j++) {
                d[j] = random.nextInt(10);
            }
            int sum = 0;
            for (int j = n - 2, k = 0; j >= 0; j--, k++) {
                int x = d[j];
                if (k % 2 == 0) {
                    x *= 2;
                    if (x > 9) {
                        x -= 9;
                    }
                }
                sum += x;
            }
            d[n - 1] = (10 - sum % 10) % 10;
            StringBuilder b = new StringBuilder(n);
            for (int x : d) {
                b.append((char) ('0' + x));
            }
            out[i] = b.toString();
        }
        return out;
    }

    /** A table failing after 25 values stops a table whose masker takes a millisecond a value. */
    private static void copyStop() throws Exception {
        try (BenchDatabase.Fresh source = new H2Database().fresh(); BenchDatabase.Fresh target = new H2Database().fresh()) {
            for (DataSource ds : List.of(source.dataSource(), target.dataSource())) {
                try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE t_fast (id INT PRIMARY KEY, v VARCHAR(20))");
                    st.execute("CREATE TABLE t_slow (id INT PRIMARY KEY, v VARCHAR(20))");
                }
            }
            try (Connection c = source.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO t_fast SELECT X, 'f' || X FROM SYSTEM_RANGE(1, 100)");
                st.execute("INSERT INTO t_slow SELECT X, 's' || X FROM SYSTEM_RANGE(1, 2000)");
            }
            TypedMasker token = Maskers.token(KEY, 16, DIGITS);
            AtomicLong calls = new AtomicLong();
            TypedMasker failing = TypedMasker.of("failing", v -> {
                if (calls.incrementAndGet() > 25) {
                    throw new IllegalStateException("stops after 25 values");
                }
                return token.mask(v);
            }, EnumSet.of(JDBCType.VARCHAR));
            TypedMasker slow = TypedMasker.of("slow", v -> {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return token.mask(v);
            }, EnumSet.of(JDBCType.VARCHAR));
            MaskingRules rules = MaskingRules.builder().column("t_fast", "v", failing).column("t_slow", "v", slow).build();
            long start = System.nanoTime();
            try {
                MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(rules).batchSize(10).parallelism(2)
                        .build().run();
                throw new IllegalStateException("the copy was expected to fail");
            } catch (MaskingJobException expected) {
                report("masked copy on H2: ms from start until a failing table stopped a 2 s one",
                        (System.nanoTime() - start) / 1e6, "ms", 1500);
            }
        }
    }
}
