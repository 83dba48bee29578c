package io.drm.masking;

import static io.drm.masking.CryptoFixtures.KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Column encryption round-trips any string, is deterministic exactly when asked, detects any
 * changed byte of a ciphertext, and keeps decrypting across a key rotation.
 */
final class ColumnEncryptionPropertiesTest {

    private static final Keyring K1 = Keyring.of(KEYS, "k1");
    private static final TypedMasker RANDOMISED = Maskers.encrypt(K1);
    private static final TypedMasker DETERMINISTIC = Maskers.encryptDeterministic(K1);
    private static final TypedMasker DECRYPT = Maskers.decrypt(K1);

    /** Any valid Unicode: empty, ASCII, BMP, supplementary characters, controls. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Integer> codePoints = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 0x7f),
                Arbitraries.integers().between(0x80, 0xd7ff),
                Arbitraries.integers().between(0xe000, 0xffff),
                Arbitraries.integers().between(0x10000, 0x10ffff));
        return codePoints.list().ofMaxSize(80).map(cps -> {
            StringBuilder b = new StringBuilder();
            cps.forEach(b::appendCodePoint);
            return b.toString();
        }).edgeCases(c -> c.add(""));
    }

    @Property(tries = 300)
    void both_formats_round_trip_any_string(@ForAll("texts") String text) {
        assertThat(DECRYPT.mask(RANDOMISED.mask(text))).isEqualTo(text);
        assertThat(DECRYPT.mask(DETERMINISTIC.mask(text))).isEqualTo(text);
    }

    @Property(tries = 200)
    void deterministic_gives_equal_ciphertexts_for_equal_values_and_only_those(@ForAll("texts") String a,
            @ForAll("texts") String b) {
        assertThat(DETERMINISTIC.mask(a)).isEqualTo(Maskers.encryptDeterministic(Keyring.of(KEYS, "k1")).mask(a));
        assertThat(DETERMINISTIC.mask(a).equals(DETERMINISTIC.mask(b))).isEqualTo(a.equals(b));
    }

    @Property(tries = 200)
    void randomised_never_repeats_a_ciphertext(@ForAll("texts") String text) {
        assertThat(RANDOMISED.mask(text)).isNotEqualTo(RANDOMISED.mask(text));
    }

    @Property(tries = 200)
    void the_ciphertext_length_stays_within_the_documented_bound(@ForAll("texts") String text) {
        int chars = text.length();
        assertThat(((String) RANDOMISED.mask(text)).length()).isLessThanOrEqualTo(4 * ((30 + 2 + 4 * chars + 2) / 3));
        assertThat(((String) DETERMINISTIC.mask(text)).length())
                .isLessThanOrEqualTo(4 * ((18 + 2 + 4 * chars + 2) / 3));
    }

    @Property(tries = 300)
    void any_single_changed_byte_is_detected(@ForAll("texts") String text, @ForAll boolean deterministic,
            @ForAll @IntRange(min = 0, max = 10_000) int where, @ForAll @IntRange(min = 1, max = 255) int flip) {
        String ciphertext = (String) (deterministic ? DETERMINISTIC : RANDOMISED).mask(text);
        byte[] bytes = Base64.getDecoder().decode(ciphertext);
        int i = where % bytes.length;
        bytes[i] ^= (byte) flip;
        String changed = Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> DECRYPT.mask(changed)).isInstanceOf(MaskingException.class)
                .satisfies(e -> assertThat(((MaskingException) e).code()).isIn(IntegrityException.CODE,
                        UnknownKeyIdException.CODE, MalformedCiphertextException.CODE));
    }

    @Property(tries = 300)
    void any_single_changed_character_of_the_text_is_detected(@ForAll("texts") String text,
            @ForAll boolean deterministic, @ForAll @IntRange(min = 0, max = 10_000) int where,
            @ForAll("base64Chars") char replacement) {
        String ciphertext = (String) (deterministic ? DETERMINISTIC : RANDOMISED).mask(text);
        int i = where % ciphertext.length();
        Assume.that(ciphertext.charAt(i) != replacement);
        String changed = ciphertext.substring(0, i) + replacement + ciphertext.substring(i + 1);

        assertThatThrownBy(() -> DECRYPT.mask(changed)).isInstanceOf(MaskingException.class);
    }

    @Provide
    Arbitrary<Character> base64Chars() {
        return Arbitraries.of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= -_\n".chars()
                .mapToObj(c -> (char) c).toList());
    }

    @Property(tries = 100)
    void values_encrypted_before_a_rotation_still_decrypt_after_it(@ForAll("texts") String text) {
        Keyring before = Keyring.of(KEYS, "k1");
        Keyring rotated = Keyring.of(KEYS, "k2", "k1");
        String old = (String) Maskers.encrypt(before).mask(text);
        String oldDeterministic = (String) Maskers.encryptDeterministic(before).mask(text);
        String fresh = (String) Maskers.encryptDeterministic(rotated).mask(text);

        assertThat(Maskers.decrypt(rotated).mask(old)).isEqualTo(text);
        assertThat(Maskers.decrypt(rotated).mask(oldDeterministic)).isEqualTo(text);
        assertThat(Maskers.decrypt(rotated).mask(fresh)).isEqualTo(text);
        assertThat(fresh).isNotEqualTo(oldDeterministic);
        assertThatThrownBy(() -> Maskers.decrypt(rotated.without("k1")).mask(old))
                .isInstanceOf(UnknownKeyIdException.class).hasMessageContaining("'k1'");
        assertThat(Maskers.decrypt(rotated.without("k1")).mask(fresh)).isEqualTo(text);
    }
}
