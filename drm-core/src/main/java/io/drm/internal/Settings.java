package io.drm.internal;

import io.drm.spi.AuditSink;
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
 * @param decryptor the keyring for encrypted data artifacts, or {@code null}
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
        io.drm.spi.ArtifactDecryptor decryptor,
        PromotionSettings promotion) {

    /**
     * Settings without promotion or attestation signing.
     *
     * @param connector the connector
     * @param locations the locations
     * @param environment the environment
     * @param actor the actor
     * @param auditSink the audit sink
     * @param lockTimeout the lock timeout
     * @param clock the clock
     * @param ids the id supplier
     * @param classLoader the class loader
     * @param decryptor the artifact decryptor, or {@code null}
     */
    public Settings(Connector connector, List<String> locations, String environment, String actor,
            AuditSink auditSink, Duration lockTimeout, Clock clock, Supplier<String> ids, ClassLoader classLoader,
            io.drm.spi.ArtifactDecryptor decryptor) {
        this(connector, locations, environment, actor, auditSink, lockTimeout, clock, ids, classLoader, decryptor,
                PromotionSettings.NONE);
    }

    /**
     * Settings without a keyring.
     *
     * @param connector where connections come from
     * @param locations the locations
     * @param environment the environment name
     * @param actor who releases
     * @param auditSink where audit events go
     * @param lockTimeout how long to wait for the release lock
     * @param clock the clock
     * @param ids the source of ids
     * @param classLoader the class loader for {@code classpath:} locations
     */
    public Settings(Connector connector, List<String> locations, String environment, String actor,
            AuditSink auditSink, Duration lockTimeout, Clock clock, Supplier<String> ids, ClassLoader classLoader) {
        this(connector, locations, environment, actor, auditSink, lockTimeout, clock, ids, classLoader, null);
    }

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
        Objects.requireNonNull(promotion, "promotion");
    }
}
