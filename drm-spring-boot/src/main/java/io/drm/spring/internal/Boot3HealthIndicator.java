package io.drm.spring.internal;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code drm} health indicator on Spring Boot 3 ({@code org.springframework.boot.actuate.health}). */
public final class Boot3HealthIndicator implements HealthIndicator {

    private final ReleaseHealth health;

    /**
     * @param health the release state
     */
    public Boot3HealthIndicator(ReleaseHealth health) {
        this.health = health;
    }

    @Override
    public Health health() {
        ReleaseHealth.State state = health.check();
        return (state.up() ? Health.up() : Health.down()).withDetails(state.details()).build();
    }
}
