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
 * @param decryptor the keyring for encrypted data artifacts, or {@code null}
 * @param adoption baseline, Liquibase import and out-of-order settings
 * @param promotion environments, attestation signing and the promotion requirement
 * @param listeners the release listeners, in registration order
 * @param configStore where configuration documents go, or {@code null} for the database's own store
 * @param policy the policies and approvers
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
        Adoption adoption,
        PromotionSettings promotion,
        List<ReleaseListener> listeners,
        io.drm.spi.ConfigStore configStore,
        io.drm.internal.policy.PolicySettings policy) {

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
        Objects.requireNonNull(adoption, "adoption");
        Objects.requireNonNull(promotion, "promotion");
        listeners = List.copyOf(listeners);
        Objects.requireNonNull(policy, "policy");
    }

    /**
     * Settings with the database's own configuration store and without policies.
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
     * @param adoption baseline, Liquibase import and out-of-order settings
     * @param promotion environments, attestation signing and the promotion requirement
     * @param listeners the release listeners, in registration order
     */
    public Settings(Connector connector, List<String> locations, String environment, String actor,
            AuditSink auditSink, Duration lockTimeout, Clock clock, Supplier<String> ids, ClassLoader classLoader,
            io.drm.spi.ArtifactDecryptor decryptor, Adoption adoption, PromotionSettings promotion,
            List<ReleaseListener> listeners) {
        this(connector, locations, environment, actor, auditSink, lockTimeout, clock, ids, classLoader, decryptor,
                adoption, promotion, listeners, null, io.drm.internal.policy.PolicySettings.NONE);
    }

    /**
     * Returns the configuration store releases and canaries use.
     *
     * @return the configured store, or the database's own
     */
    public io.drm.spi.ConfigStore configStoreOrJdbc() {
        return configStore != null ? configStore : new io.drm.internal.data.JdbcConfigStore(connector);
    }

    /**
     * Settings without a keyring, adoption options or promotion.
     *
     * @param connector where connections come from
     * @param locations the locations
     * @param environment the environment name
     * @param actor who releases
     * @param auditSink where audit events go
     * @param lockTimeout how long to wait for the release lock
     * @param clock the clock
     * @param ids the source of ids
     * @param classLoader the class loader
     */
    public Settings(Connector connector, List<String> locations, String environment, String actor,
            AuditSink auditSink, Duration lockTimeout, Clock clock, Supplier<String> ids, ClassLoader classLoader) {
        this(connector, locations, environment, actor, auditSink, lockTimeout, clock, ids, classLoader, null);
    }

    /**
     * Settings with a keyring, without adoption options or promotion.
     *
     * @param connector where connections come from
     * @param locations the locations
     * @param environment the environment name
     * @param actor who releases
     * @param auditSink where audit events go
     * @param lockTimeout how long to wait for the release lock
     * @param clock the clock
     * @param ids the source of ids
     * @param classLoader the class loader
     * @param decryptor the keyring, or {@code null}
     */
    public Settings(Connector connector, List<String> locations, String environment, String actor,
            AuditSink auditSink, Duration lockTimeout, Clock clock, Supplier<String> ids, ClassLoader classLoader,
            io.drm.spi.ArtifactDecryptor decryptor) {
        this(connector, locations, environment, actor, auditSink, lockTimeout, clock, ids, classLoader, decryptor,
                Adoption.NONE, PromotionSettings.NONE, List.of());
    }
}
