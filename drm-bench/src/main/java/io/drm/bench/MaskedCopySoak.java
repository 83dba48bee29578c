package io.drm.bench;

import io.drm.masking.MaskedCopy;
import io.drm.masking.MaskingReport;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Soak check of the masked copy's memory bound: a masked copy of a large {@code person} table
 * (10,000,000 rows by default) from PostgreSQL to PostgreSQL, meant to run in a JVM with a small
 * heap ({@code -Xmx256m}; the {@code masked-copy-soak} profile of drm-bench forks one). Prints the
 * time, the rate, the peak heap in use and the garbage collections, and exits with 1 if the target
 * does not hold every row. An {@code OutOfMemoryError} ends the JVM (the profile passes
 * {@code -XX:+ExitOnOutOfMemoryError}), which fails the build.
 *
 * <p>Usage: {@code MaskedCopySoak [rows]}.
 */
public final class MaskedCopySoak {

    private MaskedCopySoak() {
    }

    /**
     * Runs the soak.
     *
     * @param args optionally the rows
     * @throws Exception if a database fails
     */
    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000;
        PostgresDatabase db = PostgresDatabase.fromEnvironment();
        Availability.require(db);
        System.out.printf(Locale.ROOT, "masked copy soak: %,d rows PostgreSQL -> PostgreSQL, max heap %,d MiB,"
                + " Java %s, %d CPUs%n", rows, Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        try (BenchDatabase.Fresh source = db.fresh(); BenchDatabase.Fresh target = db.fresh()) {
            long t0 = System.nanoTime();
            PersonTable.create(source.dataSource());
            PersonTable.fill(source.dataSource(), true, "person", rows);
            PersonTable.create(target.dataSource());
            System.out.printf(Locale.ROOT, "source filled in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            resetPeaks();
            AtomicLong lastPrint = new AtomicLong(System.nanoTime());
            long start = System.nanoTime();
            MaskingReport report = MaskedCopy.from(source.dataSource()).to(target.dataSource())
                    .rules(PersonTable.rules(false)).tables("person").batchSize(MaskingBenchmark.BATCH)
                    .fetchSize(MaskingBenchmark.BATCH)
                    .listener(p -> {
                        long now = System.nanoTime();
                        long last = lastPrint.get();
                        if (now - last > Duration.ofSeconds(15).toNanos() && lastPrint.compareAndSet(last, now)) {
                            System.out.printf(Locale.ROOT, "  %,d of %,d rows, %,.0f rows/s, heap in use %,d MiB%n",
                                    p.rowsDone(), p.rowsTotal(), p.rowsPerSecond(), used() >> 20);
                        }
                    })
                    .build().run();
            double seconds = (System.nanoTime() - start) / 1e9;
            long counted = PersonTable.count(target.dataSource(), "person");
            long gcs = 0;
            long gcMillis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcs += Math.max(0, gc.getCollectionCount());
                gcMillis += Math.max(0, gc.getCollectionTime());
            }
            System.out.printf(Locale.ROOT, "masked copy of %,d rows in %.1f s (%,.0f rows/s); peak heap in use %,d MiB"
                    + " of %,d MiB; %,d collections, %,d ms in GC%n", report.rows(), seconds, report.rows() / seconds,
                    peak() >> 20, Runtime.getRuntime().maxMemory() >> 20, gcs, gcMillis);
            if (counted != rows || report.rows() != rows) {
                System.out.printf(Locale.ROOT, "FAILED: the target holds %,d rows, expected %,d%n", counted, rows);
                System.exit(1);
            }
            System.out.println("OK: every row copied within the heap");
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum over the heap pools of their peak use since the reset (an upper bound of the peak heap). */
    private static long peak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
