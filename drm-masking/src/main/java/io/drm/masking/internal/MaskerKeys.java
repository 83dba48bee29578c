package io.drm.masking.internal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Checks a masking key and derives a masker's own subkeys from it with HKDF-SHA256, so that one
 * key can serve every masker without the outputs of two maskers correlating. The info string is
 * {@code "drm-masking/v1/" + masker}, followed by {@code "/" + purpose} when a masker needs more
 * than one subkey. No table or column name takes part: the same value masks the same way in
 * every table, so foreign keys still join.
 */
public final class MaskerKeys {

    /** Fewest bytes a masking key may have. */
    public static final int MIN_KEY_LENGTH = 16;

    /** Bytes of every subkey: an HMAC-SHA256 key or an AES-256 key. */
    public static final int SUBKEY_LENGTH = 32;

    private static final String PREFIX = "drm-masking/v1/";

    private MaskerKeys() {
    }

    /**
     * Derives the subkey of a masker.
     *
     * @param key the masking key, at least {@value #MIN_KEY_LENGTH} bytes; not kept
     * @param masker the masker's catalogue name
     * @return a new 32-byte subkey
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if the key is too short; the message gives its length only
     */
    public static byte[] subkey(byte[] key, String masker) {
        return derive(key, masker, PREFIX + masker);
    }

    /**
     * Derives one of several subkeys of a masker.
     *
     * @param key the masking key, at least {@value #MIN_KEY_LENGTH} bytes; not kept
     * @param masker the masker's catalogue name
     * @param purpose what the subkey is for, for example {@code "shift"}
     * @return a new 32-byte subkey
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if the key is too short; the message gives its length only
     */
    public static byte[] subkey(byte[] key, String masker, String purpose) {
        return derive(key, masker, PREFIX + masker + "/" + purpose);
    }

    private static byte[] derive(byte[] key, String masker, String info) {
        Objects.requireNonNull(key, () -> masker + ": key");
        if (key.length < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException(masker + ": a masking key must have at least " + MIN_KEY_LENGTH
                    + " bytes, this one has " + key.length + "; use a 32-byte key from a KeyProvider");
        }
        return Hkdf.sha256(key, null, info.getBytes(StandardCharsets.UTF_8), SUBKEY_LENGTH);
    }
}
