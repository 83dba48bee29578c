package io.drm.bench;

import java.util.Locale;

/**
 * The outcome of one scenario.
 *
 * @param name the scenario's name
 * @param drmMillis drm's median, or {@code NaN} when not measured
 * @param flywayMillis plain Flyway's median, or {@code NaN} when not measured
 * @param target the highest acceptable ratio drm / Flyway
 * @param status what came of it
 * @param note why it was skipped or failed, else {@code null}
 */
record ScenarioResult(String name, double drmMillis, double flywayMillis, double target, Status status, String note) {

    /** What came of a scenario. */
    enum Status {
        /** The ratio is within the target. */
        OK,
        /** The ratio misses the target. */
        MISS,
        /** Not run, for example because its database is unreachable. */
        SKIPPED,
        /** It failed with an exception. */
        ERROR
    }

    /**
     * Builds a measured result and judges it against the target.
     *
     * @param name the scenario
     * @param drmMillis drm's median
     * @param flywayMillis Flyway's median
     * @param target the highest acceptable ratio
     * @return the result
     */
    static ScenarioResult measured(String name, double drmMillis, double flywayMillis, double target) {
        double ratio = drmMillis / flywayMillis;
        return new ScenarioResult(name, drmMillis, flywayMillis, target, ratio <= target ? Status.OK : Status.MISS,
                null);
    }

    /**
     * Builds a result that has no measurements.
     *
     * @param name the scenario
     * @param target the target it would have had
     * @param status {@link Status#SKIPPED} or {@link Status#ERROR}
     * @param note why
     * @return the result
     */
    static ScenarioResult unmeasured(String name, double target, Status status, String note) {
        return new ScenarioResult(name, Double.NaN, Double.NaN, target, status, note);
    }

    /**
     * Returns drm / Flyway.
     *
     * @return the ratio, {@code NaN} when not measured
     */
    double ratio() {
        return drmMillis / flywayMillis;
    }

    /**
     * Formats the one-line summary.
     *
     * @return the line
     */
    String line() {
        if (status == Status.SKIPPED || status == Status.ERROR) {
            return String.format(Locale.ROOT, "%-23s %s: %s", name, status, note);
        }
        return String.format(Locale.ROOT, "%-23s drm %8.1f ms   flyway %8.1f ms   ratio %5.2f   target <= %.2f   %s",
                name, drmMillis, flywayMillis, ratio(), target, status);
    }

    /**
     * Formats the Markdown table row.
     *
     * @return the row
     */
    String markdownRow() {
        boolean measured = status == Status.OK || status == Status.MISS;
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | <= %.2f | %s |", name,
                measured ? String.format(Locale.ROOT, "%.1f", drmMillis) : "-",
                measured ? String.format(Locale.ROOT, "%.1f", flywayMillis) : "-",
                measured ? String.format(Locale.ROOT, "%.2f", ratio()) : "-",
                target, status);
    }
}
