package io.drm.masking;

import io.drm.masking.internal.AgeBandMasker;
import io.drm.masking.internal.CardMasker;
import io.drm.masking.internal.ColumnDecryptMasker;
import io.drm.masking.internal.ColumnEncryptMasker;
import io.drm.masking.internal.DateShiftMasker;
import io.drm.masking.internal.EmailMasker;
import io.drm.masking.internal.FakeMasker;
import io.drm.masking.internal.FpeMasker;
import io.drm.masking.internal.Luhn;
import io.drm.masking.internal.NoiseMasker;
import io.drm.masking.internal.NullifyMasker;
import io.drm.masking.internal.PartialMasker;
import io.drm.masking.internal.PhoneMasker;
import io.drm.masking.internal.PostcodePrefixMasker;
import io.drm.masking.internal.RedactMasker;
import io.drm.masking.internal.ShuffleMasker;
import io.drm.masking.internal.TokenMasker;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The catalogue of maskers: static factories, one per masker, named as in a rules file.
 *
 * <p>Every masker is immutable and thread-safe, masks {@code null} to {@code null}, never logs,
 * and never puts a value in an exception message: a value it cannot mask (of a type it does not
 * accept, or of the wrong form) is refused with an {@link IllegalArgumentException} that names the
 * masker and the problem. {@link TypedMasker#supports} tells which column types a masker accepts.
 *
 * <p><b>Keys.</b> A keyed factory takes a key of at least 16 bytes (a {@link KeyProvider} gives
 * them by id), never keeps it, and derives its own subkeys from it with HKDF-SHA256 (RFC 5869,
 * info {@code "drm-masking/v1/<masker name>"}), so one key can serve every masker without the
 * outputs of two maskers correlating. Keyed maskers are deterministic: the same masker with the
 * same key and parameters masks a value the same way in every table and every run, so masked
 * foreign keys still join. No table or column name takes part.
 *
 * <pre>{@code
 * KeyProvider keys = KeyProvider.environment();            // DRM_MASKING_KEY_PII=<base64>
 * byte[] pii = keys.key("pii");
 * TypedMasker email = Maskers.email(pii, null);             // "ann@example.com" -> 16 of [a-z0-9] + "@example.com"
 * TypedMasker ssn = Maskers.fpe(pii, "0123456789");         // "123-45-6789" -> another "ddd-dd-dddd"
 * TypedMasker card = Maskers.paymentCard(pii, true);        // BIN and last 4 kept, passes Luhn
 * TypedMasker born = Maskers.dateShift(pii, 30);            // every date moves by the same days
 * Object masked = email.mask("ann@example.com");
 * }</pre>
 *
 * <p><b>Column encryption.</b> {@link #encrypt}, {@link #encryptDeterministic} and
 * {@link #decrypt} are reversible and take a {@link Keyring} (the one key model of artifact and
 * column encryption): the primary key encrypts, every listed key decrypts, and every ciphertext
 * names its key id, so values encrypted before a rotation still decrypt.
 *
 * <pre>{@code
 * Keyring keyring = Keyring.of(KeyProvider.environment(), "pii-2026", "pii-2025");
 * TypedMasker sealed = Maskers.encrypt(keyring);                 // AES-256-GCM, base64 text
 * TypedMasker lookup = Maskers.encryptDeterministic(keyring);    // AES-SIV: equal in, equal out
 * Object restored = Maskers.decrypt(keyring).mask(sealed.mask("ann@example.com"));
 * }</pre>
 */
public final class Maskers {

    private Maskers() {
    }

    /**
     * {@code "redact"}: every string becomes the replacement.
     *
     * @param replacement the text every value becomes, for example {@code "***"}
     * @return the masker
     * @throws NullPointerException if {@code replacement} is null
     */
    public static TypedMasker redact(String replacement) {
        return new RedactMasker(replacement);
    }

    /**
     * {@code "nullify"}: every value becomes {@code null}; accepts every column type (the column
     * must be nullable).
     *
     * @return the masker
     */
    public static TypedMasker nullify() {
        return NullifyMasker.INSTANCE;
    }

    /**
     * {@code "partial"}: keeps the first {@code keepFirst} and last {@code keepLast} characters and
     * replaces every other one with {@code maskChar}, keeping the length ({@code "4111111111111111"}
     * with 0, 4, {@code '*'} becomes {@code "************1111"}). A value with no more characters
     * than {@code keepFirst + keepLast} is masked entirely. Counts are in code points; a masked
     * supplementary character becomes two mask characters, so the length in {@code char}s is kept.
     *
     * @param keepFirst characters kept at the start, at least 0
     * @param keepLast characters kept at the end, at least 0
     * @param maskChar the replacement character, not a surrogate
     * @return the masker
     * @throws IllegalArgumentException if a count is negative or {@code maskChar} is a surrogate
     */
    public static TypedMasker partial(int keepFirst, int keepLast, char maskChar) {
        return new PartialMasker(keepFirst, keepLast, maskChar);
    }

    /**
     * {@code "token"}: a string becomes {@code length} code points of {@code alphabet} drawn without
     * bias from HMAC-SHA256 of its UTF-8 bytes. Deterministic and not reversible; distinct values
     * collide as random strings of that length and alphabet do, so choose a length that makes
     * collisions negligible for the column (16 base-62 characters are 95 bits). The empty string
     * stays empty. The alphabet may hold supplementary code points (emoji), each written as a whole
     * surrogate pair; for an alphabet of the Basic Multilingual Plane code points are {@code char}s.
     *
     * @param key the masking key, at least 16 bytes; copied into a derived subkey
     * @param length code points of a token, 1 to 4096
     * @param alphabet the code points of tokens, 2 to 65536 distinct ones
     * @return the masker
     * @throws NullPointerException if {@code key} or {@code alphabet} is null
     * @throws IllegalArgumentException if the key has fewer than 16 bytes, the length is out of
     *     range, or the alphabet has fewer than 2 code points, a repeat or an unpaired surrogate
     */
    public static TypedMasker token(byte[] key, int length, String alphabet) {
        return new TokenMasker(key, length, alphabet);
    }

    /**
     * {@code "fpe"}: format-preserving encryption with FF1 ({@link Ff1}) of the characters that are
     * in {@code alphabet}, every other character kept in place: with the decimal digits,
     * {@code "123-45-6789"} becomes another {@code ddd-dd-dddd}. The length is kept and distinct
     * values give distinct values ({@link TypedMasker#preservesUniqueness()} is true). A value needs
     * FF1's minimum number of alphabet characters (radix^n of at least 1,000,000: 6 digits, 4
     * base-36 characters); the empty string stays empty. The alphabet may hold supplementary code
     * points (emoji): values are then read by code point, a surrogate pair is never split, and the
     * number of code points is kept.
     *
     * @param key the masking key, at least 16 bytes; copied into a derived subkey
     * @param alphabet the code points to encrypt, 2 to 65536 distinct ones
     * @return the masker
     * @throws NullPointerException if {@code key} or {@code alphabet} is null
     * @throws IllegalArgumentException if the key has fewer than 16 bytes or the alphabet has
     *     fewer than 2 code points, a repeat or an unpaired surrogate
     */
    public static TypedMasker fpe(byte[] key, String alphabet) {
        return new FpeMasker(key, alphabet);
    }

    /**
     * {@code "email"}: {@code local@domain} becomes a 16-character {@code [a-z0-9]} token,
     * deterministic for the whole address, followed by {@code @} and the input's domain (when
     * {@code domain} is null) or {@code domain}. The output is always a syntactically valid address;
     * the input must have an {@code '@'} with text on both sides, and a kept domain must be a host
     * name. The empty string stays empty.
     *
     * @param key the masking key, at least 16 bytes; copied into a derived subkey
     * @param domain the replacement domain, for example {@code "example.invalid"}, or {@code null}
     *     to keep each address's domain
     * @return the masker
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if the key has fewer than 16 bytes or {@code domain} is not
     *     a host name
     */
    public static TypedMasker email(byte[] key, String domain) {
        return new EmailMasker(key, domain);
    }

    /**
     * {@code "phone"}: the digits are encrypted with FF1 in place; {@code '+'}, spaces, hyphens,
     * dots, slashes and parentheses, and so the length, are kept ({@code "+44 20 7946 0958"} becomes
     * another {@code "+dd dd dddd dddd"}). A value needs at least 6 digits and may hold no other
     * characters (a letter is refused, not copied). Distinct values give distinct values. The empty
     * string stays empty.
     *
     * @param key the masking key, at least 16 bytes; copied into a derived subkey
     * @return the masker
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if the key has fewer than 16 bytes
     */
    public static TypedMasker phone(byte[] key) {
        return new PhoneMasker(key);
    }

    /**
     * {@code "card"}: a payment card number of 12 to 19 digits, with optional spaces or hyphens
     * (kept in place), becomes another that passes the Luhn check. With {@code keepBinAndLast4}
     * the first 6 and last 4 digits are kept and only the ones between change. Distinct Luhn-valid
     * numbers give distinct numbers. The empty string stays empty.
     *
     * @param key the masking key, at least 16 bytes; copied into a derived subkey
     * @param keepBinAndLast4 whether to keep the issuer's BIN (first 6 digits) and the last 4
     * @return the masker
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if the key has fewer than 16 bytes
     */
    public static TypedMasker paymentCard(byte[] key, boolean keepBinAndLast4) {
        return new CardMasker(key, keepBinAndLast4);
    }

    /**
     * {@code "first_name"}: a deterministic fake given name from the bundled list
     * ({@code io/drm/masking/fakes/first-names.txt}), chosen by a keyed hash of the value ignoring
     * case and surrounding spaces; an all upper- or lower-case input gives a fake in that case. A
     * blank value is kept.
     *
     * @param key the masking key, at least 16 bytes; copied into a derived subkey
     * @return the masker
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if the key has fewer than 16 bytes
     */
    public static TypedMasker firstName(byte[] key) {
        return new FakeMasker(key, FakeMasker.Kind.FIRST_NAME);
    }

    /**
     * {@code "last_name"}: a deterministic fake family name from the bundled list
     * ({@code last-names.txt}), as {@link #firstName}.
     *
     * @param key the masking key, at least 16 bytes; copied into a derived subkey
     * @return the masker
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if the key has fewer than 16 bytes
     */
    public static TypedMasker lastName(byte[] key) {
        return new FakeMasker(key, FakeMasker.Kind.LAST_NAME);
    }

    /**
     * {@code "full_name"}: a deterministic fake {@code "Given Family"} from the bundled lists, as
     * {@link #firstName}; unrelated to what {@link #firstName} and {@link #lastName} give.
     *
     * @param key the masking key, at least 16 bytes; copied into a derived subkey
     * @return the masker
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if the key has fewer than 16 bytes
     */
    public static TypedMasker fullName(byte[] key) {
        return new FakeMasker(key, FakeMasker.Kind.FULL_NAME);
    }

    /**
     * {@code "street_address"}: a deterministic fake {@code "<1-999> <street>"} from the bundled
     * list ({@code streets.txt}), as {@link #firstName}.
     *
     * @param key the masking key, at least 16 bytes; copied into a derived subkey
     * @return the masker
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if the key has fewer than 16 bytes
     */
    public static TypedMasker streetAddress(byte[] key) {
        return new FakeMasker(key, FakeMasker.Kind.STREET_ADDRESS);
    }

    /**
     * {@code "city"}: a deterministic fake town name from the bundled list ({@code cities.txt}), as
     * {@link #firstName}.
     *
     * @param key the masking key, at least 16 bytes; copied into a derived subkey
     * @return the masker
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if the key has fewer than 16 bytes
     */
    public static TypedMasker city(byte[] key) {
        return new FakeMasker(key, FakeMasker.Kind.CITY);
    }

    /**
     * {@code "noise"}: a number changes by up to {@code percent} of itself, up or down, by an
     * amount fixed for each number (the same number always gets the same noise, whatever its Java
     * type). Accepts {@code Integer}, {@code Long}, {@code Short}, {@code Byte},
     * {@code BigDecimal} (scale kept), {@code BigInteger}, {@code Double} and {@code Float}, and
     * returns the same type; integers saturate at their type's bounds, zero stays zero, NaN and
     * infinities are kept.
     *
     * @param key the masking key, at least 16 bytes; copied into a derived subkey
     * @param percent the largest change in percent: more than 0, at most 100
     * @return the masker
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if the key has fewer than 16 bytes or {@code percent} is
     *     out of range
     */
    public static TypedMasker noise(byte[] key, double percent) {
        return new NoiseMasker(key, percent);
    }

    /**
     * {@code "date_shift"}: every date or timestamp moves by the same number of days, 1 to
     * {@code maxDays} forward or back, derived from the key, so intervals between values survive.
     * Accepts {@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime},
     * {@code ZonedDateTime}, {@code Instant}, {@code java.sql.Date}, {@code java.sql.Timestamp} and
     * {@code java.util.Date}, and returns the same type.
     *
     * @param key the masking key, at least 16 bytes; copied into a derived subkey
     * @param maxDays the largest shift in days, 1 to 36,525
     * @return the masker
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if the key has fewer than 16 bytes or {@code maxDays} is
     *     out of range
     */
    public static TypedMasker dateShift(byte[] key, int maxDays) {
        return new DateShiftMasker(key, maxDays);
    }

    /**
     * {@code "age_band"}: a number becomes the lower bound of its band ({@code 37} becomes
     * {@code 30} for width 10), in the same numeric type; a string of digits becomes the band as
     * text ({@code "37"} becomes {@code "30-39"}). Not keyed.
     *
     * @param width the band width, at least 1
     * @return the masker
     * @throws IllegalArgumentException if {@code width} is less than 1
     */
    public static TypedMasker ageBand(int width) {
        return new AgeBandMasker(width);
    }

    /**
     * {@code "postcode_prefix"}: keeps the first {@code keep} characters that are not white space
     * ({@code "SW1A 1AA"} becomes {@code "SW1A"} with 4). Not keyed.
     *
     * @param keep how many non-space characters to keep, at least 1
     * @return the masker
     * @throws IllegalArgumentException if {@code keep} is less than 1
     */
    public static TypedMasker postcodePrefix(int keep) {
        return new PostcodePrefixMasker(keep);
    }

    /**
     * {@code "shuffle"}: a keyed, deterministic permutation of the non-null values of each window
     * of rows (nulls stay in place; with two or more values no row keeps its own). See
     * {@link WindowMasker}. Accepts every column type; the column's values, and so its
     * uniqueness, are kept.
     *
     * @param key the masking key, at least 16 bytes; copied into a derived subkey
     * @return the masker
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if the key has fewer than 16 bytes
     */
    public static WindowMasker shuffle(byte[] key) {
        return new ShuffleMasker(key);
    }

    /**
     * {@code "encrypt"}: randomised, reversible column encryption. A string becomes the standard
     * base64 of a format byte, the primary key id, a fresh random 12-byte nonce and the AES-256-GCM
     * ciphertext and tag of its UTF-8 (format: docs/encryption.md). Encrypting the same value twice
     * gives different ciphertexts ({@link TypedMasker#deterministic()} is false), so equal values
     * cannot be told apart; use {@link #encryptDeterministic} for columns that are looked up or
     * joined. A value of {@code c} characters becomes at most {@code 4 * ceil((30 + n + 4c) / 3)}
     * characters for a key id of {@code n} UTF-8 bytes; the rules check refuses a target column
     * that is too short for that. The empty string is encrypted too; a string with an unpaired
     * surrogate is refused (it would not decrypt to itself).
     *
     * @param keyring the keys; its primary encrypts; no key is kept outside the keyring's own
     * @return the masker
     * @throws NullPointerException if {@code keyring} is null
     */
    public static TypedMasker encrypt(Keyring keyring) {
        return new ColumnEncryptMasker(Objects.requireNonNull(keyring, "keyring").columnKeys(), false,
                new SecureRandom());
    }

    /**
     * {@code "encrypt_deterministic"}: deterministic, reversible column encryption with AES-SIV
     * (RFC 5297, 512-bit key). The same key and value always give the same ciphertext, so an
     * encrypted column can still be compared for equality, indexed, looked up and joined; the price
     * is that equal values are visible as equal. The output is the standard base64 of a format
     * byte, the primary key id, the 16-byte synthetic IV and the ciphertext; a value of {@code c}
     * characters becomes at most {@code 4 * ceil((18 + n + 4c) / 3)} characters. Outputs are a
     * compatibility contract (golden file). Other rules as {@link #encrypt}.
     *
     * @param keyring the keys; its primary encrypts
     * @return the masker
     * @throws NullPointerException if {@code keyring} is null
     */
    public static TypedMasker encryptDeterministic(Keyring keyring) {
        return new ColumnEncryptMasker(Objects.requireNonNull(keyring, "keyring").columnKeys(), true,
                new SecureRandom());
    }

    /**
     * {@code "decrypt"}: the authorised restore of {@link #encrypt} and {@link #encryptDeterministic}
     * values, of either format, under the key their key id names (any key of the keyring). Use it
     * in a {@link MaskedCopy} or a {@link MaskingJob} to restore a table, or call
     * {@code mask(ciphertext)} directly. Its {@code mask} throws, never returning garbage:
     *
     * <ul>
     *   <li>{@link MalformedCiphertextException} ({@code DRM-CRYPTO-006}) for a value that is not a
     *       column ciphertext (not canonical base64, too short, unknown format byte);
     *   <li>{@link UnknownKeyIdException} ({@code DRM-CRYPTO-003}) for a key id the keyring does not
     *       list;
     *   <li>{@link IntegrityException} ({@code DRM-CRYPTO-005}) for a value that does not
     *       authenticate: any changed byte, or another key under that id.
     * </ul>
     * In a job these arrive as the cause of a {@link MaskingJobException}. No message holds the
     * value.
     *
     * @param keyring the keys; every listed key decrypts
     * @return the masker
     * @throws NullPointerException if {@code keyring} is null
     */
    public static TypedMasker decrypt(Keyring keyring) {
        return new ColumnDecryptMasker(Objects.requireNonNull(keyring, "keyring").columnKeys());
    }

    /**
     * Whether a number passes the Luhn (mod 10) check of payment card numbers. Spaces and hyphens
     * are ignored; any other non-digit makes it fail. Says nothing about length.
     *
     * @param digits the number
     * @return true if it has at least one digit, no other characters than digits, spaces and
     *     hyphens, and passes the check
     * @throws NullPointerException if {@code digits} is null
     */
    public static boolean luhnValid(CharSequence digits) {
        return Luhn.valid(Objects.requireNonNull(digits, "digits"));
    }
}
