package io.drm.spring;

import io.drm.DataRelease;
import io.drm.ReleasePlan;
import io.drm.ReleaseResult;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.InitializingBean;

/**
 * The bean that runs drm's startup release ({@link DataRelease.Builder#onStartup()}) when it is
 * created. The auto-configuration makes every bean that needs the schema ({@code JdbcTemplate},
 * JPA's {@code EntityManagerFactory}, jOOQ's {@code DSLContext}, ...) depend on it, the way Spring
 * Boot orders its Flyway initializer. A failing release throws the {@code DrmException} with its
 * code, which stops the application's start.
 */
public class DataReleaseInitializer implements InitializingBean {

    private final DataRelease.Builder builder;
    private volatile ReleaseResult result;

    /**
     * Creates the initializer.
     *
     * @param builder the configured release; the initializer calls {@code onStartup()} and, for the
     *     health indicator, {@code plan()} on it
     */
    public DataReleaseInitializer(DataRelease.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    /**
     * Runs the startup release.
     *
     * @throws io.drm.DrmException with its code when the release fails
     */
    @Override
    public void afterPropertiesSet() {
        ReleaseResult r;
        synchronized (builder) {
            r = builder.onStartup();
        }
        result = r;
    }

    /**
     * Returns what the startup release did.
     *
     * @return the result, empty before the release ran
     */
    public Optional<ReleaseResult> result() {
        return Optional.ofNullable(result);
    }

    /**
     * Plans a release with the application's configuration now, without applying anything, for
     * example to tell whether the database is still up to date.
     *
     * @return the plan
     * @throws io.drm.DrmException with its code when the plan cannot be made
     */
    public ReleasePlan plan() {
        synchronized (builder) {
            return builder.plan();
        }
    }

    /**
     * Compares the live schema (and the artifact-owned tables' fingerprints) with what the last
     * release recorded, with the application's configuration; audits {@code drift.detected} when
     * anything differs.
     *
     * @return the report
     * @throws io.drm.NoSchemaSnapshotException when no release has recorded a snapshot yet
     * @throws io.drm.DrmException with its code when the database cannot be read
     */
    public io.drm.DriftReport detectDrift() {
        synchronized (builder) {
            return builder.detectDrift();
        }
    }
}
