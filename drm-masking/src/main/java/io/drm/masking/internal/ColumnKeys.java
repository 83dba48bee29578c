package io.drm.masking.internal;

import java.util.Map;
import java.util.Objects;

/**
 * The column keys of a keyring: the primary id, which encrypts, and every listed id, which
 * decrypts. Immutable and thread-safe.
 *
 * @param primaryKeyId the id that encrypts
 * @param keys the keys by id, the primary among them
 * @param description the keyring's {@code toString()}, for messages (ids only)
 */
public record ColumnKeys(String primaryKeyId, Map<String, ColumnKey> keys, String description) {

    /** Validates and copies. */
    public ColumnKeys {
        Objects.requireNonNull(primaryKeyId, "primaryKeyId");
        keys = Map.copyOf(keys);
        Objects.requireNonNull(description, "description");
        if (!keys.containsKey(primaryKeyId)) {
            throw new IllegalArgumentException("the primary key id is not among the keys");
        }
    }

    /** @return the primary's key */
    ColumnKey primary() {
        return keys.get(primaryKeyId);
    }

    @Override
    public String toString() {
        return description;
    }
}
