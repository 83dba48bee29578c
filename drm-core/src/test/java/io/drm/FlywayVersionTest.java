package io.drm;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The tests run on the Flyway version the build says (13.12 by default, 11.7 in the flyway-11 profile). */
final class FlywayVersionTest {

    @Test
    void tests_run_on_the_expected_flyway_jar() {
        String expected = System.getProperty("drm.test.flyway");
        assertThat(expected).as("drm.test.flyway is set by the build").isNotBlank();
        String jar = Flyway.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertThat(jar).contains("flyway-core-" + expected + ".jar");
    }
}
