package io.drm.bench;

/** One benchmark scenario: drm against plain Flyway on the same work. */
interface Scenario {

    /**
     * Returns the scenario's name, which selects it on the command line.
     *
     * @return for example {@code apply-200-h2}
     */
    String name();

    /**
     * Returns the highest acceptable ratio drm / Flyway.
     *
     * @return the target
     */
    double target();

    /**
     * Runs the scenario.
     *
     * @return the measured result
     * @throws SkippedException if the scenario cannot run here and that is acceptable
     */
    ScenarioResult run();

    /** Thrown when a scenario is skipped, for example because its database is unreachable. */
    final class SkippedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param reason why the scenario is skipped
         */
        SkippedException(String reason) {
            super(reason);
        }
    }
}
