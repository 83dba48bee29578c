package io.drm.masking.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * The column-encryption keys of one key id: an AES-256-GCM key for randomised values and a
 * 512-bit AES-SIV key for deterministic ones, both HKDF-SHA256 of the provider's key with their own
 * info ({@value #GCM_INFO}, {@value #SIV_INFO}), so neither is the artifacts' wrapping key nor any
 * masker's subkey. Immutable and thread-safe; {@code toString()} shows no key.
 */
public final class ColumnKey {

    /** HKDF info of the randomised (AES-GCM) key. */
    public static final String GCM_INFO = "drm-crypto/v1/column/aes-256-gcm";

    /** HKDF info of the deterministic (AES-SIV) key. */
    public static final String SIV_INFO = "drm-crypto/v1/column/aes-siv-512";

    private final SecretKeySpec gcm;
    private final AesSiv siv;

    private ColumnKey(SecretKeySpec gcm, AesSiv siv) {
        this.gcm = gcm;
        this.siv = siv;
    }

    /**
     * @param providerKey a key from a {@code KeyProvider}; not kept
     * @return the column keys derived from it
     */
    public static ColumnKey derive(byte[] providerKey) {
        byte[] g = Hkdf.sha256(providerKey, null, GCM_INFO.getBytes(StandardCharsets.US_ASCII), 32);
        byte[] s = Hkdf.sha256(providerKey, null, SIV_INFO.getBytes(StandardCharsets.US_ASCII), 64);
        try {
            return new ColumnKey(new SecretKeySpec(g, "AES"), new AesSiv(s));
        } finally {
            Arrays.fill(g, (byte) 0);
            Arrays.fill(s, (byte) 0);
        }
    }

    SecretKeySpec gcm() {
        return gcm;
    }

    AesSiv siv() {
        return siv;
    }

    @Override
    public String toString() {
        return "ColumnKey[AES-256-GCM, AES-SIV-512]";
    }
}
