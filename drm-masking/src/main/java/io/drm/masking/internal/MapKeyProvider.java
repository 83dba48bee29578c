package io.drm.masking.internal;

import io.drm.masking.KeyProvider;
import io.drm.masking.MaskingKeyException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Keys held in memory, copied from a map when created. Immutable and thread-safe. */
public final class MapKeyProvider implements KeyProvider {

    private final Map<String, byte[]> keys;

    /**
     * @param keys key ids to keys, copied
     * @throws NullPointerException if the map, an id or a key is null
     * @throws IllegalArgumentException if an id is blank or a key has fewer than 16 bytes
     */
    public MapKeyProvider(Map<String, byte[]> keys) {
        Objects.requireNonNull(keys, "keys");
        Map<String, byte[]> copy = new TreeMap<>();
        keys.forEach((id, key) -> {
            Objects.requireNonNull(id, "key id");
            Objects.requireNonNull(key, () -> "key of '" + id + "'");
            if (id.isBlank()) {
                throw new IllegalArgumentException("a masking key id must not be blank");
            }
            if (key.length < KeySizes.MIN) {
                throw new IllegalArgumentException("masking key '" + id + "' has " + key.length
                        + " bytes; a masking key has at least " + KeySizes.MIN);
            }
            copy.put(id, key.clone());
        });
        this.keys = copy;
    }

    @Override
    public byte[] key(String keyId) {
        byte[] key = keys.get(KeySizes.checkId(keyId));
        if (key == null) {
            throw new MaskingKeyException("no masking key '" + keyId + "': the key provider holds only "
                    + keys.keySet() + "; add the key or fix the key id in the masking rules");
        }
        return key.clone();
    }

    @Override
    public String toString() {
        return "KeyProvider.of" + keys.keySet();
    }
}
