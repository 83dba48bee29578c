package io.drm.masking;

/**
 * Where masking keys come from, by key id. Keys never appear in a log, a message or
 * {@code toString()}.
 *
 * <p>Implementations are thread-safe. Factories for the environment, a PKCS#12 keystore and HKDF
 * derivation from a master key are static methods of this interface.
 */
@FunctionalInterface
public interface KeyProvider {

    /**
     * Returns the key with an id.
     *
     * @param keyId the key id, for example {@code "pii"}
     * @return a new copy of the key's bytes (the caller may clear it)
     * @throws MaskingKeyException if there is no such key or it cannot be read; the message names
     *     the key id, never the key
     */
    byte[] key(String keyId);
}
