package io.drm.spring;

import io.drm.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts a real Spring Boot application context on a test database, with Boot's auto-configuration. */
final class BootApp {

    private BootApp() {
    }

    static ConfigurableApplicationContext start(TestDatabase db, String location, Class<?> config,
            String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + db.password(),
                "drm.locations=" + location,
                "drm.environment=test",
                "spring.main.banner-mode=off"));
        all.addAll(Arrays.asList(properties));
        return new SpringApplicationBuilder(config).web(WebApplicationType.NONE).properties(all.toArray(String[]::new))
                .run();
    }
}
