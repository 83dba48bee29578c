package io.drm.bench;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Starting an application against a database that is already up to date: drm's
 * {@code onStartup()} against Flyway's no-op {@code migrate()}, alternately on the same database,
 * which drm prepared so that both its ledger and Flyway's history exist.
 */
final class NoopScenario extends BaseScenario {

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
    NoopScenario(BenchDatabase database, int count, Supplier<MigrationSet> migrations, int warmups, int rounds,
            double target) {
        super("noop", database, count, migrations, warmups, rounds, target);
    }

    @Override
    public ScenarioResult run() {
        Availability.require(database);
        String location = migrations.get().location();
        try (BenchDatabase.Fresh db = database.fresh()) {
            System.out.printf(Locale.ROOT, "  %s: preparing the database with drm (%d migrations)...%n", name(),
                    count);
            long start = System.nanoTime();
            Contenders.drmApply(db.dataSource(), location, count);
            System.out.printf(Locale.ROOT, "  %s: prepared in %.1f s%n", name(), (System.nanoTime() - start) / 1e9);
            Samples drm = new Samples();
            Samples flyway = new Samples();
            for (int call = 0; call < warmups + rounds; call++) {
                boolean drmFirst = call % 2 == 0;
                long first = timeOne(drmFirst, db, location);
                long second = timeOne(!drmFirst, db, location);
                if (call >= warmups) {
                    drm.add(drmFirst ? first : second);
                    flyway.add(drmFirst ? second : first);
                }
            }
            System.out.printf(Locale.ROOT, "  %s: %d calls each; drm %s, flyway %s%n", name(), drm.size(),
                    drm.range(), flyway.range());
            return ScenarioResult.measured(name(), drm.medianMillis(), flyway.medianMillis(), target());
        }
    }

    private static long timeOne(boolean drm, BenchDatabase.Fresh db, String location) {
        System.gc();
        long start = System.nanoTime();
        if (drm) {
            Contenders.drmStartup(db.dataSource(), location);
        } else {
            Contenders.flywayMigrate(db.dataSource(), location, 0);
        }
        return System.nanoTime() - start;
    }
}
