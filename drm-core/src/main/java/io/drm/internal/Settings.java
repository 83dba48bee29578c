package io.drm.internal;

import io.drm.spi.AuditSink;
import io.drm.spi.ReleaseListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The frozen configuration of a release, as checked by the builder.
 *
 * @param connector where connections come from
 * @param locations the locations, in Flyway syntax
 * @param environment the environment name
 * @param actor who releases
 * @param auditSink where audit events go
 * @param lockTimeout how long to wait for the release lock
 * @param clock the clock for timestamps
 * @param ids the source of release and event ids
 * @param classLoader the class loader for {@code classpath:} locations
 * @param listeners the release listeners, in registration order
 */
public record Settings(
        Connector connector,
        List<String> locations,
        String environment,
        String actor,
        AuditSink auditSink,
        Duration lockTimeout,
        Clock clock,
        Supplier<String> ids,
        ClassLoader classLoader,
        List<ReleaseListener> listeners) {

    /** Validates and copies. */
    public Settings {
        Objects.requireNonNull(connector, "connector");
        locations = List.copyOf(locations);
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(auditSink, "auditSink");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(classLoader, "classLoader");
        listeners = List.copyOf(listeners);
    }
}
