package io.drm.spring.internal;

import io.drm.spring.DataReleaseInitializer;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code drm} health indicator on Spring Boot 3; imported by {@link DrmHealthImports}. */
@Configuration(proxyBeanMethods = false)
public class Boot3HealthConfiguration {

    /** Created by Spring. */
    public Boot3HealthConfiguration() {
    }

    /**
     * The indicator, shown as {@code drm} under {@code /actuator/health}.
     *
     * @param initializer the startup release
     * @param dataSource the application's data source
     * @return the indicator
     */
    @Bean(name = "drmHealthIndicator")
    @ConditionalOnMissingBean(name = "drmHealthIndicator")
    public Boot3HealthIndicator drmHealthIndicator(DataReleaseInitializer initializer, DataSource dataSource) {
        return new Boot3HealthIndicator(new ReleaseHealth(initializer, dataSource));
    }
}
