package io.drm.bench;

import io.drm.DataRelease;
import io.drm.Policy;
import io.drm.ReleasePlan;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What policies add to planning: the 200-migration set planned on a fresh PostgreSQL schema and an
 * H2 database, with the SQL lint both times, without policies and with every built-in rule that
 * needs no key or guard (require-approval, destructive-without-undo, max-rows, release-window and
 * least-privilege, which reads the user's privileges). Rounds alternate which goes first; prints the
 * medians and the ratio with / without.
 *
 * <p>Usage: {@code PolicyBenchmark [postgresql|h2 ...]}.
 */
public final class PolicyBenchmark {

    private static final int COUNT = 200;
    private static final int WARMUPS = 5;
    private static final int ROUNDS = 15;

    private PolicyBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args database names; none for all
     */
    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        List<String> selected = new ArrayList<>();
        for (String arg : args) {
            if (!arg.isBlank()) {
                selected.add(arg.strip());
            }
        }
        List<String> lines = new ArrayList<>();
        boolean error = false;
        try (MigrationSet set = MigrationSet.generate(COUNT)) {
            for (BenchDatabase database : List.of(PostgresDatabase.fromEnvironment(), new H2Database())) {
                if (!selected.isEmpty() && !selected.contains(database.name())) {
                    continue;
                }
                String name = "plan-" + COUNT + "-policies-" + database.name();
                System.out.println("== " + name);
                try (BenchDatabase.Fresh db = openFresh(database)) {
                    double[] m = measure(db, set.location());
                    lines.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f |", name, m[0], m[1], m[0] / m[1]));
                } catch (Scenario.SkippedException e) {
                    lines.add("| " + name + " | - | - | SKIPPED: " + e.getMessage() + " |");
                } catch (RuntimeException e) {
                    e.printStackTrace(System.out);
                    error = true;
                    lines.add("| " + name + " | - | - | ERROR: " + e + " |");
                }
            }
        }
        System.out.println();
        System.out.println("| scenario | with policies ms | without ms | ratio |");
        System.out.println("|---|---:|---:|---:|");
        lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%n(Java %s, %d CPUs)%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        if (error) {
            System.out.println("FAILED: a scenario failed");
            System.exit(1);
        }
    }

    private static BenchDatabase.Fresh openFresh(BenchDatabase database) {
        Availability.require(database);
        return database.fresh();
    }

    /** Returns the medians with and without policies, in milliseconds. */
    private static double[] measure(BenchDatabase.Fresh db, String location) {
        Samples with = new Samples();
        Samples without = new Samples();
        for (int round = 0; round < WARMUPS + ROUNDS; round++) {
            boolean withFirst = round % 2 == 0;
            long first = timeOne(db, location, withFirst);
            long second = timeOne(db, location, !withFirst);
            long withNanos = withFirst ? first : second;
            long withoutNanos = withFirst ? second : first;
            if (round >= WARMUPS) {
                with.add(withNanos);
                without.add(withoutNanos);
            }
            System.out.printf(Locale.ROOT, "  %s %d: with %.1f ms, without %.1f ms%n", round < WARMUPS ? "warm-up"
                    : "round", round < WARMUPS ? round + 1 : round - WARMUPS + 1, withNanos / 1e6, withoutNanos / 1e6);
        }
        System.out.println("  with " + with.range() + ", without " + without.range());
        return new double[] {with.medianMillis(), without.medianMillis()};
    }

    private static long timeOne(BenchDatabase.Fresh db, String location, boolean policies) {
        DataRelease.Builder b = DataRelease.configure().dataSource(db.dataSource()).locations(location)
                .environment("prod");
        if (policies) {
            b.policies(Policy.requireApproval("prod"), Policy.destructiveNeedsUndo(), Policy.maxRows(1_000_000),
                    Policy.releaseWindow(ZoneOffset.UTC, LocalTime.MIN, LocalTime.MAX, Set.of()),
                    Policy.leastPrivilege("prod"));
        }
        System.gc();
        long start = System.nanoTime();
        ReleasePlan plan = b.plan();
        long nanos = System.nanoTime() - start;
        if (plan.steps().size() != COUNT) {
            throw new IllegalStateException("planned " + plan.steps().size() + " of " + COUNT + " steps");
        }
        if (policies && plan.violations().stream().noneMatch(v -> v.rule().equals("least-privilege"))) {
            throw new IllegalStateException("the benchmark's superuser was not seen: " + plan.violations());
        }
        return nanos;
    }
}
