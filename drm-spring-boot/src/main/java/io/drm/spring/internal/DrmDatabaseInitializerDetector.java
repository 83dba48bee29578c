package io.drm.spring.internal;

import io.drm.spring.DataReleaseInitializer;
import java.util.Collections;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot's {@code DatabaseInitializationDependencyConfigurer} that the
 * {@link DataReleaseInitializer} initializes the database, so that every bean Boot knows to need
 * the schema (JDBC templates, JPA, jOOQ, {@code @DependsOnDatabaseInitialization} beans) is created
 * after it. Registered in {@code META-INF/spring.factories}.
 */
public final class DrmDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    /** Creates the detector (called by Spring's factories loader). */
    public DrmDatabaseInitializerDetector() {
    }

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Collections.singleton(DataReleaseInitializer.class);
    }

    @Override
    public int getOrder() {
        return 0; // before Boot's own SQL script initializers (Flyway's detector has 1)
    }
}
