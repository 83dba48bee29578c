package io.drm;

import io.drm.spi.ConfigStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads released configuration back by key, at the live version or any earlier one. Values are
 * JSON text ({@code true}, {@code 42}, {@code "blue"}, {@code {"limit":5}}). Obtained from
 * {@link DataRelease.Builder#config()}; thread-safe when its store is.
 *
 * <pre>{@code
 * ConfigReader config = DataRelease.configure().dataSource(ds).config();
 * Optional<String> flag = config.get("checkout.newFlow");          // at the live version
 * Optional<String> before = config.get("checkout.newFlow", "3");   // as released at version 3
 * }</pre>
 */
public final class ConfigReader {

    private final ConfigStore store;

    private ConfigReader(ConfigStore store) {
        this.store = store;
    }

    /**
     * Reads from a store.
     *
     * @param store the store
     * @return the reader
     */
    public static ConfigReader of(ConfigStore store) {
        return new ConfigReader(Objects.requireNonNull(store, "store"));
    }

    /**
     * Reads a key at the live version.
     *
     * @param key the key
     * @return its JSON text, or empty when the key is not set (or nothing was released)
     * @throws DrmException if the store fails
     */
    public Optional<String> get(String key) {
        Objects.requireNonNull(key, "key");
        return version().flatMap(v -> store.get(key, v));
    }

    /**
     * Reads a key as of a version: the value set by the latest document at or below it.
     *
     * @param key the key
     * @param version a version, such as {@code 3} or {@code 1.2}
     * @return its JSON text, or empty when no document at or below the version sets it
     * @throws DrmException if the store fails
     */
    public Optional<String> get(String key, String version) {
        Objects.requireNonNull(key, "key");
        return store.get(key, checked(version));
    }

    /**
     * Reads every key at a version.
     *
     * @param version the version
     * @return key to JSON text
     */
    public Map<String, String> entries(String version) {
        return store.entries(checked(version));
    }

    /**
     * Returns the live version.
     *
     * @return the version, or empty when no configuration was released
     */
    public Optional<String> version() {
        return store.liveVersion();
    }

    /**
     * Lists the released versions.
     *
     * @return lowest first
     */
    public List<String> versions() {
        return store.versions();
    }

    /**
     * Returns the store, to switch or roll back the live version.
     *
     * @return the store
     */
    public ConfigStore store() {
        return store;
    }

    private static String checked(String version) {
        Objects.requireNonNull(version, "version");
        if (!version.matches("\\d{1,18}(\\.\\d{1,18}){0,15}")) {
            throw new IllegalArgumentException("a version is dot-separated numbers, such as 3 or 1.2: " + version);
        }
        return version;
    }
}
