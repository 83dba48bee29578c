package io.drm.spring;

import io.drm.DataRelease;
import io.drm.spi.AuditSink;
import io.drm.spi.Slf4jAuditSink;
import io.drm.spring.internal.DrmHealthImports;
import io.drm.spring.internal.ReleaseAuditSinks;
import io.drm.spring.internal.ReleaseDecorator;
import io.drm.spring.internal.ReleaseMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configures drm as the application's startup hook: a {@link DataReleaseInitializer} that
 * releases {@code drm.locations} to the application's {@code DataSource} before any bean that needs
 * the schema, with the {@code drm.*} properties, the application's {@code AuditSink} and
 * {@link DataReleaseCustomizer} beans, Micrometer metrics when a {@code MeterRegistry} is there,
 * and a {@code drm} health indicator when Actuator is there. Spring Boot's own Flyway
 * auto-configuration is left out while {@code drm.enabled} is true. Exclude this class to switch
 * all of it off.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@ConditionalOnClass(DataRelease.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnProperty(prefix = "drm", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DrmProperties.class)
@Import({DatabaseInitializationDependencyConfigurer.class, DrmHealthImports.class})
public class DrmAutoConfiguration {

    /** Created by Spring. */
    public DrmAutoConfiguration() {
    }

    /**
     * The audit sink of the startup release.
     *
     * @param properties the {@code drm.*} properties
     * @param dataSource the application's data source
     * @param sinks the application's {@code AuditSink} beans
     * @return the sinks, closed with the context
     */
    @Bean
    @ConditionalOnMissingBean
    public ReleaseAuditSinks drmReleaseAuditSinks(DrmProperties properties, DataSource dataSource,
            ObjectProvider<AuditSink> sinks) {
        return new ReleaseAuditSinks(properties.getAudit(), dataSource,
                sinks.orderedStream().collect(Collectors.toList()));
    }

    /**
     * The startup release.
     *
     * @param properties the {@code drm.*} properties
     * @param dataSource the application's data source
     * @param sinks the audit sink
     * @param decorators the metrics, when Micrometer is there
     * @param customizers the application's customizers
     * @return the initializer, which releases when it is created
     */
    @Bean
    @ConditionalOnMissingBean
    public DataReleaseInitializer dataReleaseInitializer(DrmProperties properties, DataSource dataSource,
            ReleaseAuditSinks sinks, ObjectProvider<ReleaseDecorator> decorators,
            ObjectProvider<DataReleaseCustomizer> customizers) {
        DataRelease.Builder builder = DataRelease.configure().dataSource(dataSource);
        try {
            builder.locations(properties.getLocations().toArray(String[]::new));
            if (properties.getEnvironment() != null) {
                builder.environment(properties.getEnvironment());
            }
            if (properties.getActor() != null) {
                builder.actor(properties.getActor());
            }
            if (properties.getLockTimeout() != null) {
                builder.lockTimeout(properties.getLockTimeout());
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DrmBootConfigurationException("a drm.* property is not valid: " + e.getMessage()
                    + ". Fix drm.locations, drm.environment, drm.actor or drm.lock-timeout.", e);
        }
        AuditSink sink = sinks.sink();
        for (ReleaseDecorator decorator : decorators.orderedStream().collect(Collectors.toList())) {
            sink = decorator.decorate(sink != null ? sink : new Slf4jAuditSink());
            builder.listener(decorator.listener());
        }
        if (sink != null) {
            builder.auditSink(sink);
        }
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return new DataReleaseInitializer(builder);
    }

    /** Metrics, when Micrometer is on the class path and the application has a registry. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class Metrics {

        @Bean
        ReleaseMetrics drmReleaseMetrics(ObjectProvider<MeterRegistry> registry, DrmProperties properties) {
            MeterRegistry r = registry.getIfAvailable();
            return r == null ? null : new ReleaseMetrics(r, properties.getEnvironment());
        }
    }
}
