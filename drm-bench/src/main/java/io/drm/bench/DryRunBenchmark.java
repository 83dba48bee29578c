package io.drm.bench;

import io.drm.DataRelease;
import io.drm.DryRunReport;
import io.drm.ReleaseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A dry run against applying the same plan: the 200-migration set on a fresh PostgreSQL schema
 * (one transaction, rolled back) and, for comparison, on H2 (an in-memory shadow copy). Each round
 * times {@code DataRelease.plan(...).dryRun()} and {@code DataRelease.plan(...).apply()} on their
 * own fresh database, alternating which goes first, and prints the medians and the ratio dry run /
 * apply against the target of 1.2.
 *
 * <p>Usage: {@code DryRunBenchmark [--check] [postgresql|h2 ...]}; with {@code --check} the exit
 * status is 1 when a ratio misses its target.
 */
public final class DryRunBenchmark {

    private static final int COUNT = 200;
    private static final int WARMUPS = 5;
    private static final int ROUNDS = 15;
    private static final double TARGET = 1.2;

    private DryRunBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code --check} and database names
     */
    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        boolean check = false;
        List<String> selected = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--check")) {
                check = true;
            } else if (!arg.isBlank()) {
                selected.add(arg.strip());
            }
        }
        List<String> lines = new ArrayList<>();
        boolean miss = false;
        boolean error = false;
        try (MigrationSet set = MigrationSet.generate(COUNT)) {
            for (BenchDatabase database : List.of(PostgresDatabase.fromEnvironment(), new H2Database())) {
                if (!selected.isEmpty() && !selected.contains(database.name())) {
                    continue;
                }
                String name = "dry-run-" + COUNT + "-" + database.name();
                System.out.println("== " + name);
                try {
                    Availability.require(database);
                    double[] medians = measure(database, set.location());
                    double ratio = medians[0] / medians[1];
                    boolean ok = ratio <= TARGET;
                    miss |= !ok;
                    lines.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f | <= %.2f | %s |", name, medians[0],
                            medians[1], ratio, TARGET, ok ? "OK" : "MISS"));
                } catch (Scenario.SkippedException e) {
                    lines.add("| " + name + " | - | - | - | <= " + TARGET + " | SKIPPED: " + e.getMessage() + " |");
                } catch (RuntimeException e) {
                    e.printStackTrace(System.out);
                    error = true;
                    lines.add("| " + name + " | - | - | - | <= " + TARGET + " | ERROR: " + e + " |");
                }
            }
        }
        System.out.println();
        System.out.println("| scenario | dry run ms | apply ms | ratio | target | result |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%n(Java %s, %d CPUs)%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        if (error || (check && miss)) {
            System.out.println(error ? "FAILED: a scenario failed" : "FAILED: a ratio misses its target");
            System.exit(1);
        }
    }

    /** Returns the medians of dry run and apply, in milliseconds. */
    private static double[] measure(BenchDatabase database, String location) {
        Samples dryRun = new Samples();
        Samples apply = new Samples();
        for (int round = 0; round < WARMUPS + ROUNDS; round++) {
            boolean dryFirst = round % 2 == 0;
            long first = timeOne(database, location, dryFirst);
            long second = timeOne(database, location, !dryFirst);
            long dryNanos = dryFirst ? first : second;
            long applyNanos = dryFirst ? second : first;
            boolean warmup = round < WARMUPS;
            if (!warmup) {
                dryRun.add(dryNanos);
                apply.add(applyNanos);
            }
            System.out.printf(Locale.ROOT, "  %s %d: dry run %.1f ms, apply %.1f ms%n", warmup ? "warm-up" : "round",
                    warmup ? round + 1 : round - WARMUPS + 1, dryNanos / 1e6, applyNanos / 1e6);
        }
        System.out.println("  dry run " + dryRun.range() + ", apply " + apply.range());
        return new double[] {dryRun.medianMillis(), apply.medianMillis()};
    }

    private static long timeOne(BenchDatabase database, String location, boolean dry) {
        try (BenchDatabase.Fresh db = database.fresh()) {
            System.gc();
            long start = System.nanoTime();
            if (dry) {
                DryRunReport report = DataRelease.plan(db.dataSource(), location).dryRun();
                long executed = report.steps().stream()
                        .filter(s -> s.status() == DryRunReport.Status.EXECUTED).count();
                if (executed != COUNT || report.failed()) {
                    throw new IllegalStateException("the dry run executed " + executed + " of " + COUNT + " steps: "
                            + report.explain());
                }
            } else {
                ReleaseResult result = DataRelease.plan(db.dataSource(), location).apply();
                if (result.appliedSteps().size() != COUNT) {
                    throw new IllegalStateException("drm applied " + result.appliedSteps().size() + " steps");
                }
            }
            return System.nanoTime() - start;
        }
    }
}
