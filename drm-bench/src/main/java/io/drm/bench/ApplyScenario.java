package io.drm.bench;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Applying N migrations to an empty database: drm's {@code plan(...).apply()} (planning included)
 * against Flyway's {@code migrate()}, each on its own fresh database, alternating which goes first.
 */
final class ApplyScenario extends BaseScenario {

    /**
     * Creates the scenario.
     *
     * @param database the database kind
     * @param count how many migrations
     * @param migrations supplies the migration set of that size
     * @param warmups unmeasured rounds
     * @param rounds measured rounds
     * @param target highest acceptable ratio
     */
    ApplyScenario(BenchDatabase database, int count, Supplier<MigrationSet> migrations, int warmups, int rounds,
            double target) {
        super("apply", database, count, migrations, warmups, rounds, target);
    }

    @Override
    public ScenarioResult run() {
        Availability.require(database);
        String location = migrations.get().location();
        Samples drm = new Samples();
        Samples flyway = new Samples();
        for (int round = 0; round < warmups + rounds; round++) {
            boolean drmFirst = round % 2 == 0;
            long first = timeOne(drmFirst, location);
            long second = timeOne(!drmFirst, location);
            long drmNanos = drmFirst ? first : second;
            long flywayNanos = drmFirst ? second : first;
            boolean warmup = round < warmups;
            if (!warmup) {
                drm.add(drmNanos);
                flyway.add(flywayNanos);
            }
            System.out.printf(Locale.ROOT, "  %s %s %d: drm %.1f ms, flyway %.1f ms%n", name(),
                    warmup ? "warm-up" : "round", warmup ? round + 1 : round - warmups + 1, drmNanos / 1e6,
                    flywayNanos / 1e6);
        }
        return ScenarioResult.measured(name(), drm.medianMillis(), flyway.medianMillis(), target());
    }

    private long timeOne(boolean drm, String location) {
        try (BenchDatabase.Fresh db = database.fresh()) {
            System.gc();
            long start = System.nanoTime();
            if (drm) {
                Contenders.drmApply(db.dataSource(), location, count);
            } else {
                Contenders.flywayMigrate(db.dataSource(), location, count);
            }
            return System.nanoTime() - start;
        }
    }
}
