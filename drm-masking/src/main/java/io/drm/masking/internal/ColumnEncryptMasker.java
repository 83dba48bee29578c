package io.drm.masking.internal;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * {@code encrypt} and {@code encrypt_deterministic}: a string becomes its column ciphertext
 * ({@link ColumnCiphertext}) under the keyring's primary key: AES-256-GCM with a fresh random
 * nonce, or AES-SIV (the same value always gives the same ciphertext, for lookups and joins).
 * Reversible with {@link ColumnDecryptMasker}. Thread-safe.
 */
public final class ColumnEncryptMasker extends AbstractMasker {

    /** Catalogue name of the randomised masker. */
    public static final String RANDOMISED = "encrypt";

    /** Catalogue name of the deterministic masker. */
    public static final String DETERMINISTIC = "encrypt_deterministic";

    private final ColumnKeys keys;
    private final boolean deterministic;
    private final SecureRandom random;

    /**
     * @param keys the keyring's column keys; the primary encrypts
     * @param deterministic AES-SIV if true, AES-GCM if false
     * @param random where the GCM nonces come from
     */
    public ColumnEncryptMasker(ColumnKeys keys, boolean deterministic, SecureRandom random) {
        super(deterministic ? DETERMINISTIC : RANDOMISED, ColumnTypes.STRINGS);
        this.keys = Objects.requireNonNull(keys, "keys");
        this.deterministic = deterministic;
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    protected Object maskNonNull(Object value) {
        return ColumnCiphertext.encrypt(keys, deterministic, Values.text(name(), value), random, name());
    }

    @Override
    public boolean deterministic() {
        return deterministic;
    }

    @Override
    public boolean preservesUniqueness() {
        return true;
    }

    /**
     * @param chars the most characters of a value
     * @return the most characters of its ciphertext
     */
    public long maxLength(long chars) {
        return ColumnCiphertext.maxLength(keys.primaryKeyId(), deterministic, chars);
    }

    @Override
    protected String parameters() {
        return "keyId=" + keys.primaryKeyId();
    }
}
