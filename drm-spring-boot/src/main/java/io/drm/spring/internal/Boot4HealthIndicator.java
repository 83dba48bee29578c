package io.drm.spring.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The {@code drm} health indicator on Spring Boot 4 ({@code org.springframework.boot.health.contributor}). */
public final class Boot4HealthIndicator implements HealthIndicator {

    private final ReleaseHealth health;

    /**
     * @param health the release state
     */
    public Boot4HealthIndicator(ReleaseHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        ReleaseHealth.State state = health.check();
        return (state.up() ? Health.up() : Health.down()).withDetails(state.details()).build();
    }
}
