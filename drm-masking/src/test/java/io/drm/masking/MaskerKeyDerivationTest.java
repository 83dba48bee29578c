package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.masking.internal.Hkdf;
import io.drm.masking.internal.MaskerKeys;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.junit.jupiter.api.Test;

/** HKDF-SHA256 against RFC 5869's vectors and Bouncy Castle, and the maskers' subkeys. */
final class MaskerKeyDerivationTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc5869_case_1() {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
        byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
        assertThat(HEX.formatHex(Hkdf.extract(salt, ikm)))
                .isEqualTo("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5");
        assertThat(HEX.formatHex(Hkdf.sha256(ikm, salt, info, 42))).isEqualTo(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    }

    @Test
    void rfc5869_case_2_long_inputs() {
        byte[] ikm = range(0x00, 0x50);
        byte[] salt = range(0x60, 0xb0);
        byte[] info = range(0xb0, 0x100);
        assertThat(HEX.formatHex(Hkdf.extract(salt, ikm)))
                .isEqualTo("06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244");
        assertThat(HEX.formatHex(Hkdf.sha256(ikm, salt, info, 82))).isEqualTo(
                "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                + "cc30c58179ec3e87c14c01d5c1f3434f1d87");
    }

    @Test
    void rfc5869_case_3_no_salt_no_info() {
        byte[] ikm = HEX.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
        assertThat(HEX.formatHex(Hkdf.extract(new byte[0], ikm)))
                .isEqualTo("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04");
        assertThat(HEX.formatHex(Hkdf.sha256(ikm, null, new byte[0], 42))).isEqualTo(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    @Property(tries = 200)
    void agrees_with_bouncy_castle(@ForAll @Size(min = 1, max = 100) byte[] ikm, @ForAll @Size(max = 80) byte[] salt,
            @ForAll @Size(max = 80) byte[] info, @ForAll @IntRange(min = 1, max = 300) int length) {
        HKDFBytesGenerator bc = new HKDFBytesGenerator(new SHA256Digest());
        bc.init(new HKDFParameters(ikm, salt.length == 0 ? null : salt, info));
        byte[] expected = new byte[length];
        bc.generateBytes(expected, 0, length);
        assertThat(Hkdf.sha256(ikm, salt, info, length)).isEqualTo(expected);
    }

    @Test
    void a_masker_subkey_is_hkdf_of_the_key_with_the_masker_name_as_info() {
        byte[] key = new byte[32];
        new Random(1).nextBytes(key);
        assertThat(MaskerKeys.subkey(key, "token")).isEqualTo(
                Hkdf.sha256(key, null, "drm-masking/v1/token".getBytes(StandardCharsets.UTF_8), 32));
        assertThat(MaskerKeys.subkey(key, "card", "small-domain")).isEqualTo(
                Hkdf.sha256(key, null, "drm-masking/v1/card/small-domain".getBytes(StandardCharsets.UTF_8), 32));
        assertThat(MaskerKeys.subkey(key, "token")).isNotEqualTo(MaskerKeys.subkey(key, "fpe"));
    }

    @Test
    void a_masker_keeps_no_reference_to_the_callers_key() {
        byte[] key = MaskerFixtures.KEY.clone();
        TypedMasker token = Maskers.token(key, 16, MaskerFixtures.BASE62);
        TypedMasker fpe = Maskers.fpe(key, MaskerFixtures.DIGITS);
        Object tokenBefore = token.mask("4111111111111111");
        Object fpeBefore = fpe.mask("4111111111111111");
        java.util.Arrays.fill(key, (byte) 0);
        assertThat(token.mask("4111111111111111")).isEqualTo(tokenBefore);
        assertThat(fpe.mask("4111111111111111")).isEqualTo(fpeBefore);
    }

    @Test
    void token_outputs_are_pinned_so_a_change_of_format_is_noticed() {
        // Data masked by one version must still join data masked by the next. These values were
        // computed outside Java (HKDF, HMAC-SHA256 and the unbiased alphabet mapping written
        // afresh) and pin the v1 format: info strings, UTF-8 input, the counter-chained stream.
        byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        assertThat(Maskers.token(key, 16, MaskerFixtures.BASE62).mask("alice@example.com"))
                .isEqualTo("OKlJiAKaJDhM7RVX");
        assertThat(Maskers.token(key, 100, MaskerFixtures.BASE62).mask("Zo\u00eb \uD83D\uDC69\u200D\uD83D\uDCBB"))
                .isEqualTo("qyxK79FAYWGqGOGuCUVGtIstFXxjFhlKvO4xsvnSnaYlQYmDziVdf0sWFlPX1D2dzBJr4nnIQVlAEx9rkrOfSe25"
                        + "dtpEnB6yqFxa");
    }

    @Test
    void email_and_fake_outputs_are_pinned_so_a_change_of_format_is_noticed() {
        // Computed outside Java as well (HKDF-SHA256, AES-CMAC and AES-CTR from another library, the
        // alphabet mapping and list lookup written afresh): subkeys "email" and "email/stream", the
        // CMAC of the UTF-8 address, the stream from the tag; the full name from bytes 0-8 and 8-16.
        byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
        assertThat(Maskers.email(key, null).mask("alice@example.com")).isEqualTo("6y03hp5t4n6dcwr4@example.com");
        assertThat(Maskers.email(key, null).mask("bob@example.org")).isEqualTo("b68n948zgfgq685b@example.org");
        assertThat(Maskers.email(key, null).mask("x@y.io")).isEqualTo("soy8v5dptbaf53tx@y.io");
        assertThat(Maskers.fullName(key).mask("Ada Lovelace")).isEqualTo("Leah Hart");
    }

    @Property(tries = 300)
    void the_token_hashes_exactly_the_utf8_bytes_of_long_and_odd_strings(@ForAll("texts") String text) throws Exception {
        // The HMAC input is encoded in fixed-size pieces; compare with String.getBytes over the
        // whole value, surrogate pairs across piece boundaries and unpaired surrogates included.
        byte[] subkey = MaskerKeys.subkey(MaskerFixtures.KEY, "token");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(subkey, "HmacSHA256"));
        byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        String expected = new String(new char[] {"01".charAt(digest[0] & 1), "01".charAt(digest[1] & 1)});
        assertThat(Maskers.token(MaskerFixtures.KEY, 2, "01").mask(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars('a', '\u00e9', '\u20ac', '\uD83D', '\uDE00', '\uDC00', '\uD800')
                .ofMinLength(1).ofMaxLength(3000);
    }

    private static byte[] range(int from, int to) {
        byte[] b = new byte[to - from];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }
}
