package io.drm.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The starter's tests run on the Flyway that Spring Boot's BOM manages, not on drm's own 13.x. */
final class BootManagedFlywayTest {

    @Test
    void the_test_class_path_has_the_flyway_of_the_boot_bom() throws Exception {
        Properties pom = new Properties();
        try (InputStream in = Flyway.class.getResourceAsStream("/META-INF/maven/org.flywaydb/flyway-core/pom.properties")) {
            assertThat(in).as("flyway-core's pom.properties").isNotNull();
            pom.load(in);
        }
        String expected = System.getProperty("drm.test.flyway");
        assertThat(expected).as("drm.test.flyway, set by the build").isNotBlank();
        assertThat(pom.getProperty("version")).isEqualTo(expected).doesNotStartWith("13.");
    }
}
