package io.drm.bench;

import java.util.function.Supplier;

/** What every scenario has: a database kind, a migration set, round counts and a target ratio. */
abstract class BaseScenario implements Scenario {

    /** The database kind. */
    protected final BenchDatabase database;
    /** Supplies the migration set. */
    protected final Supplier<MigrationSet> migrations;
    /** How many migrations the set has. */
    protected final int count;
    /** Unmeasured rounds (or calls) of each contender. */
    protected final int warmups;
    /** Measured rounds (or calls) of each contender. */
    protected final int rounds;
    private final String prefix;
    private final double target;

    /**
     * Creates the scenario.
     *
     * @param prefix the first part of the name, for example {@code apply}
     * @param database the database kind
     * @param count how many migrations
     * @param migrations supplies the migration set of that size
     * @param warmups unmeasured rounds
     * @param rounds measured rounds
     * @param target highest acceptable ratio
     */
    BaseScenario(String prefix, BenchDatabase database, int count, Supplier<MigrationSet> migrations, int warmups,
            int rounds, double target) {
        this.prefix = prefix;
        this.database = database;
        this.count = count;
        this.migrations = migrations;
        this.warmups = warmups;
        this.rounds = rounds;
        this.target = target;
    }

    @Override
    public String name() {
        return prefix + "-" + count + "-" + database.name();
    }

    @Override
    public double target() {
        return target;
    }
}
