package io.drm.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs drm and plain Flyway side by side in one process and prints, per scenario, the medians and
 * the ratio drm / Flyway against a target, then a Markdown table.
 *
 * <p>Usage: {@code ReleaseBenchmark [--check] [scenario ...]}. Without scenario names all run;
 * with {@code --check} the process exits with status 1 when a ratio misses its target. A scenario
 * that fails always makes the exit status 1.
 */
public final class ReleaseBenchmark {

    private ReleaseBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code --check} and scenario names
     */
    public static void main(String[] args) {
        // Before any logger exists: drm and Flyway log every migration at INFO, which would be timed too.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        long started = System.nanoTime();
        boolean check = false;
        List<String> selected = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--check")) {
                check = true;
            } else if (!arg.isBlank()) {
                selected.addAll(List.of(arg.trim().split("[,\\s]+")));
            }
        }
        List<ScenarioResult> results = new ArrayList<>();
        try (MigrationSets sets = new MigrationSets()) {
            Map<String, Scenario> all = scenarios(sets);
            for (String name : selected) {
                if (!all.containsKey(name)) {
                    System.err.println("unknown scenario '" + name + "'; known: " + String.join(", ", all.keySet()));
                    System.exit(2);
                }
            }
            for (Scenario scenario : all.values()) {
                if (selected.isEmpty() || selected.contains(scenario.name())) {
                    results.add(runOne(scenario));
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println();
        results.forEach(r -> System.out.println(r.line()));
        System.out.println();
        Report.printMarkdown(results);
        System.out.printf(Locale.ROOT, "%nTotal time: %.1f s (Java %s, %d CPUs)%n", seconds,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        boolean errors = results.stream().anyMatch(r -> r.status() == ScenarioResult.Status.ERROR);
        boolean misses = results.stream().anyMatch(r -> r.status() == ScenarioResult.Status.MISS);
        if (errors || (check && misses)) {
            System.out.println(errors ? "FAILED: a scenario failed" : "FAILED: a ratio misses its target");
            System.exit(1);
        }
    }

    private static Map<String, Scenario> scenarios(MigrationSets sets) {
        BenchDatabase h2 = new H2Database();
        PostgresDatabase postgres = PostgresDatabase.fromEnvironment();
        BenchDatabase pooled = new PooledPostgresDatabase(postgres);
        Map<String, Scenario> all = new LinkedHashMap<>();
        for (Scenario s : List.of(
                new ApplyScenario(h2, 200, sets.of(200), 10, 15, 1.10),
                new ApplyScenario(postgres, 200, sets.of(200), 10, 15, 1.10),
                new NoopScenario(h2, 200, sets.of(200), 5, 21, 0.5),
                new NoopScenario(h2, 5000, sets.of(5000), 2, 15, 0.1),
                // PGSimpleDataSource: every getConnection() is a new session, as without a pool
                new NoopScenario(postgres, 200, sets.of(200), 5, 21, 0.5),
                new NoopScenario(postgres, 5000, sets.of(5000), 2, 15, 0.1),
                new NoopScenario(pooled, 200, sets.of(200), 5, 21, 0.5),
                new NoopScenario(pooled, 5000, sets.of(5000), 2, 15, 0.1))) {
            all.put(s.name(), s);
        }
        return all;
    }

    private static ScenarioResult runOne(Scenario scenario) {
        System.out.println("== " + scenario.name());
        long start = System.nanoTime();
        ScenarioResult result;
        try {
            result = scenario.run();
        } catch (Scenario.SkippedException e) {
            result = ScenarioResult.unmeasured(scenario.name(), scenario.target(), ScenarioResult.Status.SKIPPED,
                    e.getMessage());
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            result = ScenarioResult.unmeasured(scenario.name(), scenario.target(), ScenarioResult.Status.ERROR,
                    String.valueOf(e));
        }
        System.out.println(result.line());
        System.out.printf(Locale.ROOT, "  (%s took %.1f s)%n", scenario.name(), (System.nanoTime() - start) / 1e9);
        return result;
    }
}
