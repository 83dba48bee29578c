package io.drm.masking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.masking.Ff1;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The numeral form of FF1 ({@link Ff1Cipher#encryptNumerals} and, for both directions and paths,
 * {@link Ff1Cipher#applyNumerals}) works in place on a range of an array and agrees with the
 * public {@link Ff1} on strings.
 */
final class Ff1CipherNumeralsTest {

    private static final int[] RADIXES = {10, 36, 300};
    private static final int SENTINEL = -7;

    @Test
    void numerals_encrypt_in_place_like_ff1_on_strings_on_both_paths() {
        Random random = new Random(20_240_611L);
        for (int radix : RADIXES) {
            String alphabet = alphabet(radix);
            for (int keyLength : new int[] {16, 24, 32}) {
                byte[] key = bytes(random, keyLength);
                Ff1 ff1 = Ff1.create(key, alphabet);
                Ff1Cipher cipher = new Ff1Cipher(key, Alphabet.of(alphabet));
                for (int length = cipher.minLength(); length <= 40; length++) {
                    for (int trial = 0; trial < 3; trial++) {
                        byte[] tweak = bytes(random, trial == 0 ? 0 : random.nextInt(40));
                        int[] plain = numerals(random, radix, length);
                        String expected = ff1.encrypt(text(alphabet, plain), tweak);
                        for (boolean fast : new boolean[] {true, false}) {
                            int from = random.nextInt(5);
                            int[] x = embedded(plain, from, random.nextInt(5));
                            cipher.applyNumerals(x, from, length, tweak, true, fast);
                            String where = "radix " + radix + ", length " + length + ", fast " + fast;
                            assertThat(text(alphabet, Arrays.copyOfRange(x, from, from + length)))
                                    .as(where).isEqualTo(expected);
                            assertUntouchedAround(x, from, length, where);
                        }
                    }
                }
            }
        }
    }

    @Test
    void encrypt_numerals_is_the_fast_encryption_and_decrypting_restores_the_numerals() {
        Random random = new Random(7);
        for (int radix : RADIXES) {
            String alphabet = alphabet(radix);
            byte[] key = bytes(random, 32);
            Ff1 ff1 = Ff1.create(key, alphabet);
            Ff1Cipher cipher = new Ff1Cipher(key, Alphabet.of(alphabet));
            for (int length = cipher.minLength(); length <= 40; length++) {
                byte[] tweak = bytes(random, random.nextInt(20));
                int[] plain = numerals(random, radix, length);
                int[] x = embedded(plain, 3, 2);
                cipher.encryptNumerals(x, 3, length, tweak);
                assertThat(text(alphabet, Arrays.copyOfRange(x, 3, 3 + length)))
                        .isEqualTo(ff1.encrypt(text(alphabet, plain), tweak));
                for (boolean fast : new boolean[] {true, false}) {
                    int[] y = x.clone();
                    cipher.applyNumerals(y, 3, length, tweak, false, fast);
                    assertThat(Arrays.copyOfRange(y, 3, 3 + length)).as("radix %d length %d", radix, length)
                            .containsExactly(plain);
                }
            }
        }
    }

    @Test
    void a_batch_encrypts_each_value_as_encrypt_numerals_does_and_decrypting_restores_it() {
        Random random = new Random(11);
        for (int radix : RADIXES) {
            String alphabet = alphabet(radix);
            byte[] key = bytes(random, 32);
            Ff1Cipher cipher = new Ff1Cipher(key, Alphabet.of(alphabet));
            // Lengths on the fast path and, for radix 10 beyond 36 digits and radix 300 beyond 14, the general one;
            // counts below, at and above one lockstep group.
            for (int length : new int[] {cipher.minLength(), 9, 16, 19, 37, 40}) {
                for (int count : new int[] {1, 2, Ff1State.BATCH - 1, Ff1State.BATCH, Ff1State.BATCH + 1, 300}) {
                    byte[] tweak = bytes(random, random.nextInt(3) == 0 ? 0 : random.nextInt(30));
                    int[] plain = numerals(random, radix, length * count);
                    int[] expected = plain.clone();
                    for (int k = 0; k < count; k++) {
                        cipher.encryptNumerals(expected, k * length, length, tweak);
                    }
                    int[] x = Arrays.copyOf(plain, plain.length + 3);
                    Arrays.fill(x, plain.length, x.length, SENTINEL);
                    cipher.encryptBatch(x, length, count, tweak);
                    String where = "radix " + radix + ", length " + length + ", count " + count;
                    assertThat(Arrays.copyOf(x, plain.length)).as(where).containsExactly(expected);
                    assertThat(Arrays.copyOfRange(x, plain.length, x.length)).as(where).containsOnly(SENTINEL);
                    cipher.applyBatch(x, length, count, tweak, false);
                    assertThat(Arrays.copyOf(x, plain.length)).as(where).containsExactly(plain);
                }
            }
        }
    }

    @Test
    void ranges_of_mixed_lengths_encrypt_each_value_as_encrypt_numerals_does() {
        Random random = new Random(12);
        byte[] key = bytes(random, 32);
        Ff1Cipher cipher = new Ff1Cipher(key, Alphabet.of(alphabet(10)));
        for (int trial = 0; trial < 50; trial++) {
            int k = 1 + random.nextInt(Ff1State.BATCH);
            int[] offsets = new int[k];
            int[] lengths = new int[k];
            int used = 0;
            for (int j = 0; j < k; j++) {
                used += random.nextInt(3); // gaps stay untouched
                offsets[j] = used;
                lengths[j] = 6 + random.nextInt(trial % 5 == 0 ? 40 : 4);
                used += lengths[j];
            }
            int[] x = numerals(random, 10, used + 2);
            int[] expected = x.clone();
            byte[] tweak = bytes(random, random.nextInt(12));
            for (int j = 0; j < k; j++) {
                cipher.encryptNumerals(expected, offsets[j], lengths[j], tweak);
            }
            cipher.encryptRanges(x, offsets, lengths, k, tweak);
            assertThat(x).as("trial %d", trial).containsExactly(expected);
        }
    }

    @Test
    void a_batch_refuses_what_encrypt_numerals_refuses() {
        Ff1Cipher cipher = new Ff1Cipher(new byte[16], Alphabet.of(alphabet(10)));
        assertThatThrownBy(() -> cipher.encryptBatch(new int[10], 5, 2, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FF1 needs at least 6");
        int[] x = new int[12];
        x[8] = 10;
        assertThatThrownBy(() -> cipher.encryptBatch(x, 6, 2, new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the numeral at position 2 (of 6) of value 1 is not in [0, 10)");
        assertThatThrownBy(() -> cipher.encryptBatch(new int[11], 6, 2, new byte[0]))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> cipher.encryptRanges(new int[6 * 129], new int[129], new int[129], 129,
                new byte[0])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 128");
    }

    @Test
    void a_value_longer_than_the_kept_buffers_round_trips_and_later_values_are_unaffected() {
        Random random = new Random(13);
        byte[] key = bytes(random, 32);
        Ff1 ff1 = Ff1.create(key, alphabet(10));
        String shortValue = text(alphabet(10), numerals(random, 10, 9));
        String expectedShort = Ff1.create(key, alphabet(10)).encrypt(shortValue, new byte[0]);
        String huge = text(alphabet(10), numerals(random, 10, Ff1Scratch.MAX_KEPT + 500));
        String encrypted = ff1.encrypt(huge, new byte[0]);
        assertThat(encrypted).hasSameSizeAs(huge).isNotEqualTo(huge);
        assertThat(ff1.decrypt(encrypted, new byte[0])).isEqualTo(huge);
        assertThat(ff1.encrypt(shortValue, new byte[0])).isEqualTo(expectedShort);
    }

    @Test
    void too_few_numerals_are_refused_as_ff1_refuses_too_short_strings() {
        Random random = new Random(3);
        for (int radix : RADIXES) {
            String alphabet = alphabet(radix);
            byte[] key = bytes(random, 16);
            Ff1 ff1 = Ff1.create(key, alphabet);
            Ff1Cipher cipher = new Ff1Cipher(key, Alphabet.of(alphabet));
            for (int n = 2; n < cipher.minLength(); n++) {
                int length = n;
                int[] x = numerals(random, radix, length);
                String text = text(alphabet, x);
                String message = catchMessage(() -> ff1.encrypt(text, null));
                assertThatThrownBy(() -> cipher.encryptNumerals(x, 0, length, new byte[0]))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(message)
                        .hasMessageContaining("needs at least " + cipher.minLength());
            }
        }
    }

    @Test
    void a_numeral_outside_the_radix_is_refused_by_position_and_left_unchanged() {
        Ff1Cipher cipher = new Ff1Cipher(new byte[16], Alphabet.of("0123456789"));
        for (int bad : new int[] {-1, 10, 987_654}) {
            int[] x = {9, 9, 1, 2, 3, 4, 5, 6, 7, 8};
            x[6] = bad;
            int[] before = x.clone();
            assertThatThrownBy(() -> cipher.encryptNumerals(x, 2, 8, new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the numeral at position 4 (of 8) is not in [0, 10)");
            assertThat(x).containsExactly(before);
        }
    }

    @Test
    void a_range_outside_the_array_is_refused() {
        Ff1Cipher cipher = new Ff1Cipher(new byte[16], Alphabet.of("0123456789"));
        int[] x = new int[8];
        assertThatThrownBy(() -> cipher.encryptNumerals(x, 3, 6, new byte[0]))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> cipher.encryptNumerals(x, -1, 6, new byte[0]))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void a_tweak_over_the_maximum_is_refused() {
        Ff1Cipher cipher = new Ff1Cipher(new byte[16], Alphabet.of("0123456789"));
        byte[] tweak = new byte[Ff1Cipher.MAX_TWEAK_LENGTH + 1];
        assertThatThrownBy(() -> cipher.encryptNumerals(new int[6], 0, 6, tweak))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tweak must be at most 4096 bytes, is 4097");
    }

    @Test
    void the_thread_scratch_is_the_same_object_on_one_thread_and_another_on_another() throws Exception {
        Ff1Cipher cipher = new Ff1Cipher(new byte[16], Alphabet.of("0123456789"));
        Ff1Scratch mine = cipher.scratch();
        Ff1Scratch[] theirs = new Ff1Scratch[1];
        Thread other = new Thread(() -> theirs[0] = cipher.scratch());
        other.start();
        other.join();
        assertThat(cipher.scratch()).isSameAs(mine);
        assertThat(theirs[0]).isNotNull().isNotSameAs(mine);
        assertThat(new Ff1Cipher(new byte[16], Alphabet.of("0123456789")).scratch()).isNotSameAs(mine);
    }

    private static void assertUntouchedAround(int[] x, int from, int length, String where) {
        for (int i = 0; i < x.length; i++) {
            if (i < from || i >= from + length) {
                assertThat(x[i]).as(where + ", index " + i).isEqualTo(SENTINEL);
            }
        }
    }

    /** {@code numerals} at {@code from} in an array with {@code after} more slots, the rest sentinels. */
    private static int[] embedded(int[] numerals, int from, int after) {
        int[] x = new int[from + numerals.length + after];
        Arrays.fill(x, SENTINEL);
        System.arraycopy(numerals, 0, x, from, numerals.length);
        return x;
    }

    private static String catchMessage(Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an IllegalArgumentException");
    }

    /** The first {@code radix} of 0-9, a-z; beyond 36, consecutive chars from U+0100. */
    private static String alphabet(int radix) {
        String base36 = "0123456789abcdefghijklmnopqrstuvwxyz";
        if (radix <= base36.length()) {
            return base36.substring(0, radix);
        }
        char[] chars = new char[radix];
        for (int i = 0; i < radix; i++) {
            chars[i] = (char) (0x100 + i);
        }
        return new String(chars);
    }

    private static int[] numerals(Random random, int radix, int length) {
        int[] x = new int[length];
        for (int i = 0; i < length; i++) {
            x[i] = random.nextInt(radix);
        }
        return x;
    }

    private static String text(String alphabet, int[] numerals) {
        char[] chars = new char[numerals.length];
        for (int i = 0; i < numerals.length; i++) {
            chars[i] = alphabet.charAt(numerals[i]);
        }
        return new String(chars);
    }

    private static byte[] bytes(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}
