package io.drm.spring;

import io.drm.DataRelease;

/**
 * Changes the release the starter configures from the {@code drm.*} properties before it runs:
 * add a listener, a clock, a class loader, or anything else the builder takes. Declare one or more
 * as beans; they run in their {@code @Order}, after the properties were applied.
 *
 * <pre>{@code
 * @Bean
 * DataReleaseCustomizer releaseToRegion(Environment env) {
 *     return builder -> builder.environment("prod-" + env.getProperty("region"));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface DataReleaseCustomizer {

    /**
     * Customizes the builder.
     *
     * @param builder the builder, already configured from the {@code drm.*} properties
     */
    void customize(DataRelease.Builder builder);
}
