package io.drm.audit;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable set of trusted audit public keys, looked up by {@linkplain AuditPublicKey#keyId()
 * key id}. A verifier accepts a signed checkpoint only when its key id is found here and the
 * signature verifies with the key found.
 *
 * <p>Instances are immutable and thread-safe. Keys keep the order in which they were given; a key
 * given twice is kept once.
 */
public final class TrustedKeys {

    private final Map<String, AuditPublicKey> byKeyId;

    private TrustedKeys(Map<String, AuditPublicKey> byKeyId) {
        this.byKeyId = Collections.unmodifiableMap(byKeyId);
    }

    /**
     * Returns the set of the given keys.
     *
     * @param keys the trusted keys; duplicates are kept once; none gives an empty set that trusts
     *     nothing
     * @return the trusted keys
     * @throws NullPointerException if {@code keys} or one of its elements is {@code null}
     * @throws IllegalArgumentException if two different keys have the same key id
     */
    public static TrustedKeys of(AuditPublicKey... keys) {
        return of(Arrays.asList(Objects.requireNonNull(keys, "keys")));
    }

    /**
     * Returns the set of the given keys.
     *
     * @param keys the trusted keys; duplicates are kept once; an empty collection gives a set that
     *     trusts nothing
     * @return the trusted keys
     * @throws NullPointerException if {@code keys} or one of its elements is {@code null}
     * @throws IllegalArgumentException if two different keys have the same key id
     */
    public static TrustedKeys of(Collection<AuditPublicKey> keys) {
        Objects.requireNonNull(keys, "keys");
        Map<String, AuditPublicKey> byKeyId = new LinkedHashMap<>();
        for (AuditPublicKey key : keys) {
            Objects.requireNonNull(key, "trusted key");
            AuditPublicKey earlier = byKeyId.putIfAbsent(key.keyId(), key);
            if (earlier != null && !earlier.equals(key)) {
                // 64 bits of SHA-256 do not collide by chance: someone made such a pair on purpose.
                throw new IllegalArgumentException("two different trusted keys have the same key id "
                        + key.keyId() + "; remove the one you did not mean to trust");
            }
        }
        return new TrustedKeys(byKeyId);
    }

    /**
     * Finds a trusted key by its key id.
     *
     * @param keyId the key id, 16 lower-case hex characters
     * @return the key, or empty if no trusted key has this id
     * @throws NullPointerException if {@code keyId} is {@code null}
     */
    public Optional<AuditPublicKey> find(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        return Optional.ofNullable(byKeyId.get(keyId));
    }

    /**
     * Returns the key ids of the trusted keys, in the order the keys were given.
     *
     * @return an unmodifiable set of key ids
     */
    public Set<String> keyIds() {
        return byKeyId.keySet();
    }

    /**
     * Returns {@code TrustedKeys[keyIds=[...]]}.
     *
     * @return the key ids in brackets
     */
    @Override
    public String toString() {
        return "TrustedKeys[keyIds=" + byKeyId.keySet() + "]";
    }
}
