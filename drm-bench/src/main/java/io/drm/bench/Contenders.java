package io.drm.bench;

import io.drm.DataRelease;
import io.drm.ReleaseResult;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The calls that are timed, each building its objects afresh as a starting application would, and
 * each checking that it did what the scenario expects.
 */
final class Contenders {

    private Contenders() {
    }

    /**
     * drm: plans and applies a release.
     *
     * @param ds the database
     * @param location the migrations
     * @param expectedSteps how many steps must be applied
     */
    static void drmApply(DataSource ds, String location, int expectedSteps) {
        ReleaseResult result = DataRelease.plan(ds, location).apply();
        check(result.appliedSteps().size() == expectedSteps,
                "drm applied " + result.appliedSteps().size() + " steps, expected " + expectedSteps);
    }

    /**
     * Plain Flyway: migrates.
     *
     * @param ds the database
     * @param location the migrations
     * @param expectedMigrations how many migrations must be executed
     */
    static void flywayMigrate(DataSource ds, String location, int expectedMigrations) {
        MigrateResult result = Flyway.configure().dataSource(ds).locations(location).load().migrate();
        check(result.migrationsExecuted == expectedMigrations,
                "Flyway executed " + result.migrationsExecuted + " migrations, expected " + expectedMigrations);
    }

    /**
     * drm: the startup hook, which must find the database up to date.
     *
     * @param ds the database
     * @param location the migrations
     */
    static void drmStartup(DataSource ds, String location) {
        ReleaseResult result = DataRelease.configure().dataSource(ds).locations(location).onStartup();
        check(result.upToDate(), "drm's onStartup was not up to date: " + result);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
