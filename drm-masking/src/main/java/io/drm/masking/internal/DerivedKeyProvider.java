package io.drm.masking.internal;

import io.drm.masking.KeyProvider;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Keys derived from one master key: HKDF-SHA256 with info {@code "drm-masking/v1/key/" + id},
 * 32 bytes. Every id has a key, and keys of different ids are independent. Thread-safe.
 */
public final class DerivedKeyProvider implements KeyProvider {

    private static final String INFO = "drm-masking/v1/key/";

    private final byte[] prk;

    /**
     * @param masterKey the master key, at least 16 bytes; not kept (only its HKDF extract is)
     * @throws NullPointerException if {@code masterKey} is null
     * @throws IllegalArgumentException if it has fewer than 16 bytes
     */
    public DerivedKeyProvider(byte[] masterKey) {
        Objects.requireNonNull(masterKey, "masterKey");
        if (masterKey.length < KeySizes.MIN) {
            throw new IllegalArgumentException("a master masking key must have at least " + KeySizes.MIN
                    + " bytes, this one has " + masterKey.length);
        }
        this.prk = Hkdf.extract(null, masterKey);
    }

    @Override
    public byte[] key(String keyId) {
        byte[] info = (INFO + KeySizes.checkId(keyId)).getBytes(StandardCharsets.UTF_8);
        return Hkdf.expand(prk, info, MaskerKeys.SUBKEY_LENGTH);
    }

    @Override
    public String toString() {
        return "KeyProvider.derived[HKDF-SHA256]";
    }
}
