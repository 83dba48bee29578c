package io.drm.masking;

import io.drm.masking.internal.DerivedKeyProvider;
import io.drm.masking.internal.EnvironmentKeyProvider;
import io.drm.masking.internal.MapKeyProvider;
import io.drm.masking.internal.Pkcs12KeyProvider;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where masking keys come from, by key id. Keys never appear in a log, a message or
 * {@code toString()}.
 *
 * <p>Implementations are thread-safe. Factories for the environment, a PKCS#12 keystore and HKDF
 * derivation from a master key are static methods of this interface.
 *
 * <pre>{@code
 * KeyProvider keys = KeyProvider.environment();   // DRM_MASKING_KEY_PII holds base64 of 32 bytes
 * TypedMasker email = Maskers.email(keys.key("pii"), null);
 * }</pre>
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

    /**
     * Keys held in memory, for tests and for keys wired in Java.
     *
     * @param keys key ids to keys of at least 16 bytes; the map and the arrays are copied
     * @return the provider; {@link #key} throws {@link MaskingKeyException} for an id not in the map
     * @throws NullPointerException if the map, an id or a key is null
     * @throws IllegalArgumentException if an id is blank or a key has fewer than 16 bytes
     */
    static KeyProvider of(Map<String, byte[]> keys) {
        return new MapKeyProvider(keys);
    }

    /**
     * Keys from the process environment: the key with id {@code card-2024} is in
     * {@code DRM_MASKING_KEY_CARD_2024} (the id upper-cased, every character other than an ASCII
     * letter or digit replaced by {@code '_'}), as the base64 of 16 to 64 bytes, or {@code hex:}
     * followed by their hex digits. Variables are read when a key is asked for.
     *
     * @return the provider; {@link #key} throws {@link MaskingKeyException} when the variable is
     *     missing or empty, is neither base64 nor hex, or holds a key of the wrong size
     */
    static KeyProvider environment() {
        return new EnvironmentKeyProvider(null);
    }

    /**
     * As {@link #environment()}, over given variables instead of the process environment (for
     * tests).
     *
     * @param env variable names to values; copied
     * @return the provider
     * @throws NullPointerException if {@code env} is null or holds a null name or value
     */
    static KeyProvider environment(Map<String, String> env) {
        return new EnvironmentKeyProvider(Objects.requireNonNull(env, "env"));
    }

    /**
     * The secret-key entries of a PKCS#12 keystore, the alias being the key id (matched without
     * regard to case). The file is read now, with {@code password} for the store and its entries;
     * neither the password nor the file is kept open. An alias that is not a secret-key entry, or
     * whose key is not 16 to 64 bytes, fails when it is asked for.
     *
     * <p>Create one with {@code keytool -genseckey -alias pii -keyalg AES -keysize 256
     * -storetype PKCS12 -keystore masking.p12}.
     *
     * @param keystore the {@code .p12} file
     * @param password the store password; the caller may clear it afterwards
     * @return the provider; {@link #key} throws {@link MaskingKeyException} for a missing alias
     * @throws NullPointerException if an argument is null
     * @throws MaskingKeyException if the file does not exist or cannot be read, is not a PKCS#12
     *     keystore, or the password is wrong; the message names the file
     */
    static KeyProvider pkcs12(Path keystore, char[] password) {
        return new Pkcs12KeyProvider(keystore, password);
    }

    /**
     * Keys derived from one master key with HKDF-SHA256 (RFC 5869): the key of an id is 32 bytes
     * of HKDF with info {@code "drm-masking/v1/key/" + id}. Every id has a key; keys of different
     * ids are independent, so one managed secret can serve any number of key ids.
     *
     * @param masterKey the master key, at least 16 bytes; not kept
     * @return the provider; {@link #key} throws {@link MaskingKeyException} only for a blank id
     * @throws NullPointerException if {@code masterKey} is null
     * @throws IllegalArgumentException if it has fewer than 16 bytes
     */
    static KeyProvider derived(byte[] masterKey) {
        return new DerivedKeyProvider(masterKey);
    }
}
