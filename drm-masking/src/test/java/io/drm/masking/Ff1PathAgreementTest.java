package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The long path (halves in {@code long}s, up to radix^ceil(n/2) = 2^62) and the BigInteger path
 * compute the same function; {@code Ff1.create(key, alphabet, false)} forces the BigInteger path.
 */
final class Ff1PathAgreementTest {

    @Property(tries = 1000)
    void long_path_and_biginteger_path_encrypt_alike(@ForAll("keys") byte[] key, @ForAll("radixes") int radix,
            @ForAll @Size(max = 40) byte[] tweak, @ForAll @IntRange(max = 124) int extra, @ForAll Random random) {
        String alphabet = TestAlphabets.of(radix);
        String plaintext = TestAlphabets.randomText(random, alphabet, TestAlphabets.minLength(radix) + extra);
        assertThat(Ff1.create(key, alphabet, true).encrypt(plaintext, tweak))
                .isEqualTo(Ff1.create(key, alphabet, false).encrypt(plaintext, tweak));
    }

    @Property(tries = 1000)
    void long_path_and_biginteger_path_decrypt_alike(@ForAll("keys") byte[] key, @ForAll("radixes") int radix,
            @ForAll @Size(max = 40) byte[] tweak, @ForAll @IntRange(max = 124) int extra, @ForAll Random random) {
        String alphabet = TestAlphabets.of(radix);
        String ciphertext = TestAlphabets.randomText(random, alphabet, TestAlphabets.minLength(radix) + extra);
        assertThat(Ff1.create(key, alphabet, true).decrypt(ciphertext, tweak))
                .isEqualTo(Ff1.create(key, alphabet, false).decrypt(ciphertext, tweak));
    }

    @Test
    void both_paths_agree_at_every_length_up_to_past_the_long_limit() {
        Random random = new Random(42);
        byte[] key = new byte[24];
        random.nextBytes(key);
        byte[] tweak = {1, 2, 3};
        for (int radix : new int[] {2, 3, 10, 36, 62, 255, 256, 1000, 65535, 65536}) {
            String alphabet = TestAlphabets.of(radix);
            Ff1 longPath = Ff1.create(key, alphabet, true);
            Ff1 bigPath = Ff1.create(key, alphabet, false);
            // radix 2 stays on the long path up to 124 numerals.
            for (int length = TestAlphabets.minLength(radix); length <= 128; length++) {
                String text = TestAlphabets.randomText(random, alphabet, length);
                assertThat(longPath.encrypt(text, tweak)).as("radix %d length %d", radix, length)
                        .isEqualTo(bigPath.encrypt(text, tweak));
                assertThat(longPath.decrypt(text, tweak)).as("radix %d length %d", radix, length)
                        .isEqualTo(bigPath.decrypt(text, tweak));
            }
        }
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return TestAlphabets.aesKeys();
    }

    @Provide
    Arbitrary<Integer> radixes() {
        return TestAlphabets.radixes();
    }
}
