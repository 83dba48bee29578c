package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of Ff1 over random keys, radixes, lengths and tweaks. */
final class Ff1PropertiesTest {

    @Property(tries = 500)
    void decrypt_undoes_encrypt(@ForAll("keys") byte[] key, @ForAll("radixes") int radix,
            @ForAll @Size(max = 40) byte[] tweak, @ForAll @IntRange(max = 40) int extra, @ForAll Random random) {
        String alphabet = TestAlphabets.of(radix);
        Ff1 ff1 = Ff1.create(key, alphabet);
        String plaintext = TestAlphabets.randomText(random, alphabet, TestAlphabets.minLength(radix) + extra);
        assertThat(ff1.decrypt(ff1.encrypt(plaintext, tweak), tweak)).isEqualTo(plaintext);
    }

    @Property(tries = 20)
    void decrypt_undoes_encrypt_on_long_strings(@ForAll("keys") byte[] key, @ForAll("radixes") int radix,
            @ForAll @Size(max = 40) byte[] tweak, @ForAll @IntRange(min = 200, max = 5000) int length,
            @ForAll Random random) {
        String alphabet = TestAlphabets.of(radix);
        Ff1 ff1 = Ff1.create(key, alphabet);
        String plaintext = TestAlphabets.randomText(random, alphabet, length);
        assertThat(ff1.decrypt(ff1.encrypt(plaintext, tweak), tweak)).isEqualTo(plaintext);
    }

    @Property(tries = 500)
    void ciphertext_has_the_length_and_alphabet_of_the_plaintext(@ForAll("keys") byte[] key,
            @ForAll("radixes") int radix, @ForAll @Size(max = 40) byte[] tweak,
            @ForAll @IntRange(max = 40) int extra, @ForAll Random random) {
        String alphabet = TestAlphabets.of(radix);
        String plaintext = TestAlphabets.randomText(random, alphabet, TestAlphabets.minLength(radix) + extra);
        String ciphertext = Ff1.create(key, alphabet).encrypt(plaintext, tweak);
        assertThat(ciphertext).hasSameSizeAs(plaintext);
        assertThat(ciphertext.chars()).allMatch(c -> alphabet.indexOf(c) >= 0);
    }

    @Property(tries = 300)
    void encryption_is_deterministic_across_calls_and_instances(@ForAll("keys") byte[] key,
            @ForAll("radixes") int radix, @ForAll @Size(max = 40) byte[] tweak,
            @ForAll @IntRange(max = 40) int extra, @ForAll Random random) {
        String alphabet = TestAlphabets.of(radix);
        String plaintext = TestAlphabets.randomText(random, alphabet, TestAlphabets.minLength(radix) + extra);
        Ff1 ff1 = Ff1.create(key, alphabet);
        String first = ff1.encrypt(plaintext, tweak);
        assertThat(ff1.encrypt(plaintext, tweak)).isEqualTo(first);
        assertThat(Ff1.create(key.clone(), alphabet).encrypt(plaintext, tweak.clone())).isEqualTo(first);
    }

    @Property(tries = 500)
    void different_tweaks_give_different_ciphertexts(@ForAll("keys") byte[] key,
            @ForAll @Size(max = 40) byte[] tweak, @ForAll @Size(max = 40) byte[] otherTweak,
            @ForAll Random random) {
        Assume.that(!Arrays.equals(tweak, otherTweak));
        // 16 digits: two ciphertexts of one value collide by chance with probability 1e-16.
        Ff1 ff1 = Ff1.create(key, "0123456789");
        String plaintext = TestAlphabets.randomText(random, "0123456789", 16);
        assertThat(ff1.encrypt(plaintext, tweak)).isNotEqualTo(ff1.encrypt(plaintext, otherTweak));
    }

    @Provide
    Arbitrary<byte[]> keys() {
        return TestAlphabets.aesKeys();
    }

    /** Edge radixes, common ones, and any radix up to 65536. */
    @Provide
    Arbitrary<Integer> radixes() {
        return TestAlphabets.radixes();
    }
}
