package io.drm.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned store of configuration: every document version is kept, and one version is
 * <em>live</em>. Reading a key at a version returns the value set by the latest document at or
 * below that version that names the key (later versions override earlier ones; keys a version does
 * not name keep their earlier value). Switching the live version is one atomic step, so readers see
 * the old or the new version, never a mix: this is what a canary flow or a store in Redis builds on.
 *
 * <p>drm-core's implementation keeps the store in the release's database ({@code drm_config},
 * {@code drm_config_version}, {@code drm_config_live}); a release that applies a
 * {@code .config.json} or {@code .config.yaml} document puts it and switches to it in the step's
 * transaction. Read it with {@link io.drm.DataRelease.Builder#config()}.
 *
 * <p>Another store (drm-redis's {@code RedisConfigStore}) is given to
 * {@link io.drm.DataRelease.Builder#configStore(ConfigStore)}: releases then put their documents
 * and switch to them there (in the step, before the step's transaction commits, so a step that
 * fails after the switch is applied again and switches again), and canaries switch back there.
 *
 * <p>Contract: implementations are thread-safe; methods may block on I/O; failures are
 * {@link io.drm.DrmException}s ({@code DRM-DATA-008} for drm's own store). Versions are ordered
 * like Flyway versions ({@code 1.10 > 1.9}).
 */
public interface ConfigStore {

    /**
     * Stores a document version without making it live. Storing the same version with the same
     * content again does nothing.
     *
     * @param document the document
     * @throws io.drm.DrmException if the version is stored already with other content, or the store fails
     */
    void put(ConfigDocument document);

    /**
     * Reads a key as of a version.
     *
     * @param key the key
     * @param version the version to read at
     * @return the value's JSON text, or empty when no version at or below {@code version} sets the key
     */
    Optional<String> get(String key, String version);

    /**
     * Reads every key as of a version.
     *
     * @param version the version to read at
     * @return key to JSON text, keys in order
     */
    Map<String, String> entries(String version);

    /**
     * Lists the stored versions.
     *
     * @return the versions, lowest first
     */
    List<String> versions();

    /**
     * Returns the live version.
     *
     * @return the version readers see, or empty when none was switched to yet
     */
    Optional<String> liveVersion();

    /**
     * Makes a stored version live, atomically.
     *
     * @param version a stored version
     * @throws io.drm.DrmException if the version is not stored
     */
    void switchTo(String version);

    /**
     * Makes the version below the live one live: the rollback of a configuration release.
     *
     * @return the version now live, or empty when the live version is the lowest (then nothing changes)
     */
    Optional<String> rollback();

    /**
     * Checks that the store can be reached and used. A release with configuration documents and a
     * canary call it before anything is written or switched, so an unreachable store refuses them
     * at once. The default does nothing (drm's own store is the release's database).
     *
     * @throws io.drm.DrmException if the store cannot be reached, with where (never a password)
     */
    default void ping() {
    }

    /**
     * Describes the store for messages and the audit trail, without any secret.
     *
     * @return for example {@code redis://127.0.0.1:6379/1 keys drm:config:*}
     */
    default String describe() {
        return getClass().getSimpleName();
    }
}
