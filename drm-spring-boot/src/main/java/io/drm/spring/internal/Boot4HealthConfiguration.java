package io.drm.spring.internal;

import io.drm.spring.DataReleaseInitializer;
import io.drm.spring.DrmProperties;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code drm} health indicator on Spring Boot 4; imported by {@link DrmHealthImports}. */
@Configuration(proxyBeanMethods = false)
public class Boot4HealthConfiguration {

    /** Created by Spring. */
    public Boot4HealthConfiguration() {
    }

    /**
     * The indicator, shown as {@code drm} under {@code /actuator/health}.
     *
     * @param initializer the startup release
     * @param dataSource the application's data source
     * @param properties {@code drm.health.*}: whether to report drift, and how long to reuse a check
     * @return the indicator
     */
    @Bean(name = "drmHealthIndicator")
    @ConditionalOnMissingBean(name = "drmHealthIndicator")
    public Boot4HealthIndicator drmHealthIndicator(DataReleaseInitializer initializer, DataSource dataSource,
            DrmProperties properties) {
        DrmProperties.Health health = properties.getHealth();
        return new Boot4HealthIndicator(new ReleaseHealth(initializer, dataSource,
                health.isDrift() ? health.getDriftInterval() : null));
    }
}
