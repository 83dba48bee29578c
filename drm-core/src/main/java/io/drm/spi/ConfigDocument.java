package io.drm.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One version of a configuration document: keys to JSON values.
 *
 * @param name the document's name (from {@code V<version>__<name>.config.json})
 * @param version the version, dot-separated numbers
 * @param sha256 hex SHA-256 of the document's content
 * @param entries key to the value's JSON text ({@code true}, {@code 42}, {@code "text"},
 *     {@code {"a":1}}, {@code null}), in the document's order
 */
public record ConfigDocument(String name, String version, String sha256, Map<String, String> entries) {

    /** Validates and copies. */
    public ConfigDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        if (!version.matches("\\d{1,18}(\\.\\d{1,18}){0,15}")) {
            throw new IllegalArgumentException("a version is dot-separated numbers: " + version);
        }
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(entries, "entries")));
        entries.forEach((k, v) -> {
            Objects.requireNonNull(k, "key");
            Objects.requireNonNull(v, "value of " + k);
        });
    }
}
