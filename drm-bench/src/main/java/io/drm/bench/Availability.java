package io.drm.bench;

/**
 * Decides what happens when a scenario's database is unreachable: skip, or fail when the
 * environment variable {@code DRM_REQUIRE_DBS} is {@code 1}.
 */
final class Availability {

    private Availability() {
    }

    /**
     * Checks that the database can be used.
     *
     * @param database the database kind
     * @throws Scenario.SkippedException if it cannot and that is acceptable
     * @throws IllegalStateException if it cannot and {@code DRM_REQUIRE_DBS=1}
     */
    static void require(BenchDatabase database) {
        String reason = database.unreachableReason();
        if (reason == null) {
            return;
        }
        if ("1".equals(System.getenv("DRM_REQUIRE_DBS"))) {
            throw new IllegalStateException(database.name() + " is required (DRM_REQUIRE_DBS=1) but " + reason);
        }
        throw new Scenario.SkippedException(reason);
    }
}
