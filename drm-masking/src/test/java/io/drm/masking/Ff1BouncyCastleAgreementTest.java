package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Ff1 gives the ciphertexts of Bouncy Castle's FPEFF1Engine for random AES-128/192/256 keys,
 * lengths from the minimum up (covering the long and the BigInteger paths) and tweaks. Radix 1000
 * goes through Bouncy Castle's wide variant, which takes each numeral as two big-endian bytes
 * when the radix is above 256.
 */
final class Ff1BouncyCastleAgreementTest {

    @Property(tries = 300)
    void encrypts_like_bouncy_castle_in_radix_10(@ForAll("keys") byte[] key,
            @ForAll @Size(max = 40) byte[] tweak, @ForAll @IntRange(max = 60) int extra, @ForAll Random random) {
        assertAgreement(10, key, tweak, extra, random);
    }

    @Property(tries = 300)
    void encrypts_like_bouncy_castle_in_radix_26(@ForAll("keys") byte[] key,
            @ForAll @Size(max = 40) byte[] tweak, @ForAll @IntRange(max = 40) int extra, @ForAll Random random) {
        assertAgreement(26, key, tweak, extra, random);
    }

    @Property(tries = 300)
    void encrypts_like_bouncy_castle_in_radix_36(@ForAll("keys") byte[] key,
            @ForAll @Size(max = 40) byte[] tweak, @ForAll @IntRange(max = 40) int extra, @ForAll Random random) {
        assertAgreement(36, key, tweak, extra, random);
    }

    @Property(tries = 300)
    void encrypts_like_bouncy_castle_in_radix_62(@ForAll("keys") byte[] key,
            @ForAll @Size(max = 40) byte[] tweak, @ForAll @IntRange(max = 40) int extra, @ForAll Random random) {
        assertAgreement(62, key, tweak, extra, random);
    }

    @Property(tries = 300)
    void encrypts_like_bouncy_castle_in_radix_1000(@ForAll("keys") byte[] key,
            @ForAll @Size(max = 40) byte[] tweak, @ForAll @IntRange(max = 30) int extra, @ForAll Random random) {
        assertAgreement(1000, key, tweak, extra, random);
    }

    @Property(tries = 50)
    void encrypts_long_strings_like_bouncy_castle(@ForAll("keys") byte[] key,
            @ForAll @Size(max = 40) byte[] tweak, @ForAll @IntRange(min = 40, max = 600) int extra,
            @ForAll Random random) {
        assertAgreement(10, key, tweak, extra, random);
    }

    /** Halves of more than 8192 bits, which the BigInteger path converts by splitting. */
    @Property(tries = 5)
    void encrypts_very_long_strings_like_bouncy_castle(@ForAll("keys") byte[] key,
            @ForAll @Size(max = 40) byte[] tweak, @ForAll @IntRange(min = 1700, max = 3000) int extra,
            @ForAll Random random) {
        assertAgreement(1000, key, tweak, extra, random);
    }

    @Property(tries = 100)
    void bouncy_castle_decrypts_what_ff1_encrypts(@ForAll("keys") byte[] key,
            @ForAll @Size(max = 40) byte[] tweak, @ForAll @IntRange(max = 40) int extra, @ForAll Random random) {
        int radix = 36;
        String alphabet = TestAlphabets.of(radix);
        int[] plain = TestAlphabets.randomNumerals(random, radix, TestAlphabets.minLength(radix) + extra);
        String ciphertext = Ff1.create(key, alphabet).encrypt(TestAlphabets.text(alphabet, plain), tweak);
        int[] cipherNumerals = ciphertext.chars().map(alphabet::indexOf).toArray();
        assertThat(bouncyCastle(false, key, radix, tweak, cipherNumerals)).containsExactly(plain);
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return Arbitraries.of(16, 24, 32).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    private static void assertAgreement(int radix, byte[] key, byte[] tweak, int extra, Random random) {
        String alphabet = TestAlphabets.of(radix);
        int[] plain = TestAlphabets.randomNumerals(random, radix, TestAlphabets.minLength(radix) + extra);
        String expected = TestAlphabets.text(alphabet, bouncyCastle(true, key, radix, tweak, plain));
        assertThat(Ff1.create(key, alphabet).encrypt(TestAlphabets.text(alphabet, plain), tweak))
                .isEqualTo(expected);
    }

    /** FPEFF1Engine over numerals: one byte each up to radix 256, two big-endian bytes above. */
    private static int[] bouncyCastle(boolean encrypt, byte[] key, int radix, byte[] tweak, int[] numerals) {
        FPEFF1Engine engine = new FPEFF1Engine();
        engine.init(encrypt, new FPEParameters(new KeyParameter(key), radix, tweak));
        int width = radix > 256 ? 2 : 1;
        byte[] in = new byte[numerals.length * width];
        for (int i = 0; i < numerals.length; i++) {
            if (width == 2) {
                in[2 * i] = (byte) (numerals[i] >>> 8);
            }
            in[width * i + width - 1] = (byte) numerals[i];
        }
        byte[] out = new byte[in.length];
        engine.processBlock(in, 0, in.length, out, 0);
        int[] result = new int[numerals.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = width == 2 ? ((out[2 * i] & 0xFF) << 8) | (out[2 * i + 1] & 0xFF) : out[i] & 0xFF;
        }
        return result;
    }
}
