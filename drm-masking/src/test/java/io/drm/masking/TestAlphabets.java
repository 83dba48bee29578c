package io.drm.masking;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Alphabets of any radix and random strings over them, for the FF1 tests. */
final class TestAlphabets {

    static final String BASE62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private TestAlphabets() {
    }

    /** AES keys of 16, 24 and 32 random bytes. */
    static Arbitrary<byte[]> aesKeys() {
        return Arbitraries.of(16, 24, 32).flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(n));
    }

    /** Edge radixes, common ones, and any radix up to 65536. */
    static Arbitrary<Integer> radixes() {
        return Arbitraries.oneOf(
                Arbitraries.of(2, 3, 10, 16, 26, 36, 62, 64, 94, 100, 255, 256, 257, 1000, 4096, 65535, 65536),
                Arbitraries.integers().between(2, 65536));
    }

    /** The first {@code radix} of 0-9, a-z, A-Z; beyond 62, consecutive chars from U+4E00 (wrapping). */
    static String of(int radix) {
        if (radix <= BASE62.length()) {
            return BASE62.substring(0, radix);
        }
        char[] chars = new char[radix];
        for (int i = 0; i < radix; i++) {
            chars[i] = (char) (0x4E00 + i);
        }
        return new String(chars);
    }

    /** The smallest length FF1 accepts for this radix: radix^length >= 1,000,000, at least 2. */
    static int minLength(int radix) {
        int length = 2;
        long domain = (long) radix * radix;
        while (domain < 1_000_000L) {
            domain *= radix;
            length++;
        }
        return length;
    }

    /** Random numerals below {@code radix}. */
    static int[] randomNumerals(Random random, int radix, int length) {
        int[] numerals = new int[length];
        for (int i = 0; i < length; i++) {
            numerals[i] = random.nextInt(radix);
        }
        return numerals;
    }

    /** The string of an alphabet with these numerals. */
    static String text(String alphabet, int[] numerals) {
        StringBuilder s = new StringBuilder(numerals.length);
        for (int numeral : numerals) {
            s.append(alphabet.charAt(numeral));
        }
        return s.toString();
    }

    /** A random string of {@code length} characters of {@code alphabet}. */
    static String randomText(Random random, String alphabet, int length) {
        return text(alphabet, randomNumerals(random, alphabet.length(), length));
    }
}
