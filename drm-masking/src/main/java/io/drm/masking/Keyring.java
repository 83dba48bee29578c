package io.drm.masking;

import io.drm.masking.internal.ColumnKey;
import io.drm.masking.internal.ColumnKeys;
import io.drm.masking.internal.KeyWrap;
import io.drm.spi.ArtifactDecryptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Key-encryption keys by key id, taken from a {@link KeyProvider} (the environment, a PKCS#12
 * keystore, HKDF from a master key: the same providers, and the same key ids, as masking). The
 * <em>primary</em> key encrypts; every listed key decrypts. Rotation is a new keyring with another
 * primary (and, once every artifact is rewrapped with {@link ArtifactCipher#rewrap}, without the
 * old key).
 *
 * <p>The keys are read from the provider when the keyring is built, so a missing key fails at
 * start-up. A keyring holds no provider key itself but HKDF-SHA256 of it (info
 * {@code "drm-crypto/v1/key-encryption-key"} for wrapping artifacts' data keys,
 * {@code "drm-crypto/v1/column/aes-256-gcm"} and {@code "drm-crypto/v1/column/aes-siv-512"} for
 * column encryption with {@link Maskers#encrypt} and {@link Maskers#encryptDeterministic}), so a
 * key id that also serves masking never uses the same AES key for two purposes. Keys never appear in {@code toString()}, messages or logs.
 * Immutable and thread-safe.
 *
 * <p>A keyring is also drm-core's {@link ArtifactDecryptor}, so it can be handed to a release that
 * loads encrypted data artifacts.
 *
 * <pre>{@code
 * KeyProvider keys = KeyProvider.environment();           // DRM_MASKING_KEY_ARTIFACTS_2026 ...
 * Keyring keyring = Keyring.of(keys, "artifacts-2026", "artifacts-2025");
 * ArtifactCipher cipher = ArtifactCipher.of(keyring);
 * cipher.encrypt(Path.of("patients.csv"), Path.of("V3__patients.csv.enc"));
 * }</pre>
 */
public final class Keyring implements ArtifactDecryptor {

    private final String primary;
    private final Map<String, byte[]> keys;
    private final Map<String, ColumnKey> columnKeys;

    private Keyring(String primary, Map<String, byte[]> keys, Map<String, ColumnKey> columnKeys) {
        this.primary = primary;
        this.keys = keys;
        this.columnKeys = columnKeys;
    }

    /**
     * A keyring whose primary key is {@code primaryKeyId}, also able to decrypt under the other ids.
     *
     * @param provider where the keys come from
     * @param primaryKeyId the id of the key that encrypts (and wraps on rewrap)
     * @param otherKeyIds ids of keys that only decrypt (typically the previous primaries)
     * @return the keyring
     * @throws NullPointerException if an argument or id is null
     * @throws IllegalArgumentException if an id is blank, longer than 255 UTF-8 bytes, or repeated
     * @throws MaskingKeyException if the provider has no key for an id, or cannot read it
     */
    public static Keyring of(KeyProvider provider, String primaryKeyId, String... otherKeyIds) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(otherKeyIds, "otherKeyIds");
        List<String> ids = new ArrayList<>();
        ids.add(primaryKeyId);
        ids.addAll(Arrays.asList(otherKeyIds));
        Map<String, byte[]> keys = new LinkedHashMap<>();
        Map<String, ColumnKey> columnKeys = new LinkedHashMap<>();
        for (String id : ids) {
            checkId(id);
            if (keys.containsKey(id)) {
                throw new IllegalArgumentException("key id '" + id + "' is listed twice in a keyring");
            }
            byte[] key = provider.key(id);
            try {
                keys.put(id, KeyWrap.wrappingKey(key));
                columnKeys.put(id, ColumnKey.derive(key));
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        }
        return new Keyring(primaryKeyId, Collections.unmodifiableMap(keys), Collections.unmodifiableMap(columnKeys));
    }

    private static void checkId(String id) {
        Objects.requireNonNull(id, "key id");
        if (id.isBlank() || id.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("a key id must not be blank and has at most 255 UTF-8 bytes");
        }
    }

    /**
     * Rotation: the same keys with another primary, which must already be in this keyring.
     *
     * @param keyId the new primary
     * @return the new keyring
     * @throws NullPointerException if {@code keyId} is null
     * @throws IllegalArgumentException if this keyring does not list it
     */
    public Keyring withPrimary(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        if (!keys.containsKey(keyId)) {
            throw new IllegalArgumentException("key id '" + keyId + "' is not in " + this
                    + "; build a keyring that lists it with Keyring.of");
        }
        return new Keyring(keyId, keys, columnKeys);
    }

    /**
     * The same keyring without a key that is no longer needed (after every artifact was rewrapped).
     *
     * @param keyId the key to drop
     * @return the new keyring
     * @throws NullPointerException if {@code keyId} is null
     * @throws IllegalArgumentException if it is the primary or not listed
     */
    public Keyring without(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        if (keyId.equals(primary) || !keys.containsKey(keyId)) {
            throw new IllegalArgumentException("key id '" + keyId + "' cannot be removed from " + this
                    + ": it is the primary or not listed");
        }
        Map<String, byte[]> rest = new LinkedHashMap<>(keys);
        rest.remove(keyId);
        Map<String, ColumnKey> restColumns = new LinkedHashMap<>(columnKeys);
        restColumns.remove(keyId);
        return new Keyring(primary, Collections.unmodifiableMap(rest), Collections.unmodifiableMap(restColumns));
    }

    /** @return the id of the key that encrypts */
    public String primaryKeyId() {
        return primary;
    }

    /** @return every key id, the primary first */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** @return the primary's wrapping key (package-private: no key leaves the package) */
    byte[] primaryKey() {
        return keys.get(primary);
    }

    /**
     * @param keyId a key id
     * @return its wrapping key, or {@code null} if not listed
     */
    byte[] key(String keyId) {
        return keys.get(keyId);
    }

    /** @return the column-encryption keys (package-private: no key leaves the package) */
    ColumnKeys columnKeys() {
        return new ColumnKeys(primary, columnKeys, toString());
    }

    /**
     * Decrypts an artifact as it streams, as {@code ArtifactCipher.of(this).decryptingStream(in)}.
     *
     * @param ciphertext the encrypted artifact from its first byte; closed with the returned stream
     * @return the plaintext, released a segment at a time after the segment authenticates; its
     *     {@code read} throws {@link IntegrityException} for an altered or truncated artifact
     * @throws IOException if reading the header fails
     * @throws NotAnEncryptedArtifactException if the input is empty or not an encrypted artifact
     * @throws UnsupportedFormatVersionException if the header is of a newer format
     * @throws UnknownKeyIdException if the header names a key id this keyring does not list
     * @throws KeyUnwrapException if the data key does not authenticate under that key
     */
    @Override
    public InputStream decryptingStream(InputStream ciphertext) throws IOException {
        return ArtifactCipher.of(this).decryptingStream(ciphertext);
    }

    /** @return the primary and the key ids, never a key */
    @Override
    public String toString() {
        return "Keyring[primary=" + primary + ", keyIds=" + keys.keySet() + "]";
    }
}
