package io.drm.spring.internal;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves Spring Boot's Flyway auto-configuration out while drm is enabled ({@code drm.enabled},
 * default {@code true}), so that Flyway does not migrate the database a second time with its own
 * defaults. It matches Boot 3's {@code org.springframework.boot.autoconfigure.flyway} and Boot 4's
 * {@code org.springframework.boot.flyway.autoconfigure} class. Registered in
 * {@code META-INF/spring.factories}.
 */
public final class FlywayAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    /** Boot 3's and Boot 4's Flyway auto-configuration. */
    static final String BOOT3 = "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration";
    static final String BOOT4 = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";

    private Environment environment;

    /** Creates the filter (called by Spring's factories loader). */
    public FlywayAutoConfigurationFilter() {
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean drmEnabled = environment == null
                || environment.getProperty("drm.enabled", Boolean.class, Boolean.TRUE);
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < matches.length; i++) {
            String name = autoConfigurationClasses[i];
            matches[i] = !drmEnabled || !(BOOT3.equals(name) || BOOT4.equals(name));
        }
        return matches;
    }
}
