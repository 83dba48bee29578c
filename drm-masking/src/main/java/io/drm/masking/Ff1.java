package io.drm.masking;

import io.drm.masking.internal.Alphabet;
import io.drm.masking.internal.Ff1Cipher;
import java.util.Objects;

/**
 * FF1 format-preserving encryption (NIST SP 800-38G Rev. 1) with AES: encrypts a string of
 * characters of an alphabet to a string of the same length and alphabet, and back.
 *
 * <p>The alphabet is a string of distinct {@code char}s; its length is the radix (2 to 65536) and
 * the index of a character is its numeral. Characters are {@code char} units: a supplementary
 * character counts as two. Inputs must be at least 2 characters long with
 * {@code radix^length >= 1,000,000} (the minimum domain of Rev. 1): 6 decimal digits, 4 base-36
 * characters, 20 bits. There is no maximum below a {@code String}'s own (FF1 allows 2^32): inputs
 * with {@code radix^ceil(length/2) <= 2^62} (up to 36 decimal digits) are encrypted with
 * {@code long} arithmetic, longer ones with {@code BigInteger}. The tweak is public, non-secret
 * variation (a table and column name, say): the same value under different tweaks encrypts
 * differently. It may be empty and has at most 4096 bytes.
 *
 * <p>Instances are immutable and thread-safe: share one per key and alphabet. Each thread that
 * uses an instance keeps its own AES cipher and buffers. The key is copied and never appears in a
 * message or in {@link #toString()}; neither does an input.
 *
 * <pre>{@code
 * byte[] key = ...; // 16, 24 or 32 bytes of a managed secret
 * Ff1 digits = Ff1.create(key, "0123456789");
 * byte[] tweak = "customer.card_number".getBytes(StandardCharsets.UTF_8);
 * String masked = digits.encrypt("4111111111111111", tweak); // 16 digits
 * String clear = digits.decrypt(masked, tweak);              // "4111111111111111"
 * }</pre>
 */
public final class Ff1 {

    private static final byte[] NO_TWEAK = new byte[0];

    private final Ff1Cipher cipher;
    private final boolean fastPathAllowed;

    private Ff1(Ff1Cipher cipher, boolean fastPathAllowed) {
        this.cipher = cipher;
        this.fastPathAllowed = fastPathAllowed;
    }

    /**
     * Creates an FF1 cipher for a key and an alphabet.
     *
     * @param key the AES key: 16, 24 or 32 bytes for AES-128, AES-192 or AES-256; copied, so the
     *     caller may clear its array afterwards
     * @param alphabet the characters of plaintexts and ciphertexts, each once, 2 to 65536 of them;
     *     the radix is its length
     * @return the cipher
     * @throws NullPointerException if {@code key} or {@code alphabet} is null
     * @throws IllegalArgumentException if the key is not 16, 24 or 32 bytes long, or the alphabet
     *     has fewer than 2 characters or a character twice
     * @throws IllegalStateException if the JDK offers no AES cipher
     */
    public static Ff1 create(byte[] key, String alphabet) {
        return create(key, alphabet, true);
    }

    /** As {@link #create(byte[], String)}, but with {@code false} always on the {@code BigInteger} path. */
    static Ff1 create(byte[] key, String alphabet, boolean fastPathAllowed) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(alphabet, "alphabet");
        return new Ff1(new Ff1Cipher(key, Alphabet.of(alphabet)), fastPathAllowed);
    }

    /**
     * Encrypts a string.
     *
     * @param plaintext characters of the alphabet, at least as many as the minimum length
     * @param tweak the tweak, at most 4096 bytes; {@code null} is the empty tweak
     * @return the ciphertext: as long as {@code plaintext}, of characters of the alphabet
     * @throws NullPointerException if {@code plaintext} is null
     * @throws IllegalArgumentException if {@code plaintext} is too short for the minimum domain
     *     or has a character outside the alphabet (the message gives its position, not the text),
     *     or the tweak is longer than 4096 bytes
     */
    public String encrypt(String plaintext, byte[] tweak) {
        Objects.requireNonNull(plaintext, "plaintext");
        return cipher.apply(plaintext, tweak == null ? NO_TWEAK : tweak, true, fastPathAllowed);
    }

    /**
     * Decrypts a string produced by {@link #encrypt} with the same key, alphabet and tweak.
     *
     * @param ciphertext characters of the alphabet, at least as many as the minimum length
     * @param tweak the tweak used to encrypt, at most 4096 bytes; {@code null} is the empty tweak
     * @return the plaintext: as long as {@code ciphertext}, of characters of the alphabet
     * @throws NullPointerException if {@code ciphertext} is null
     * @throws IllegalArgumentException if {@code ciphertext} is too short for the minimum domain
     *     or has a character outside the alphabet (the message gives its position, not the text),
     *     or the tweak is longer than 4096 bytes
     */
    public String decrypt(String ciphertext, byte[] tweak) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        return cipher.apply(ciphertext, tweak == null ? NO_TWEAK : tweak, false, fastPathAllowed);
    }

    /**
     * Describes the cipher by its radix and minimum length; never the key.
     *
     * @return for example {@code "Ff1[radix=10, minLength=6]"}
     */
    @Override
    public String toString() {
        return "Ff1[radix=" + cipher.radix() + ", minLength=" + cipher.minLength() + "]";
    }
}
