package io.drm.masking;

import java.util.HexFormat;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Keys and generators shared by the masker tests. */
final class MaskerFixtures {

    /** A fixed 32-byte key. */
    static final byte[] KEY = HexFormat.of().parseHex("6a09e667f3bcc908b2fb1366ea3b0f8a3c6ef372fe94f82ba54ff53a5f1d36f1");

    /** Another fixed 32-byte key. */
    static final byte[] OTHER_KEY = HexFormat.of().parseHex("510e527fade682d19b05688c2b3e6c1f1f83d9abfb41bd6b5be0cd19137e2179");

    static final String DIGITS = "0123456789";
    static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private MaskerFixtures() {
    }

    /** Keys of 16 to 64 random bytes. */
    static Arbitrary<byte[]> keys() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(16).ofMaxSize(64);
    }

    /** A string of {@code length} random characters of {@code alphabet}. */
    static String random(Random random, String alphabet, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(chars);
    }

    /** A card number of {@code n} digits that passes the Luhn check. */
    static String luhnValid(Random random, int n) {
        int[] d = new int[n];
        for (int i = 0; i < n - 1; i++) {
            d[i] = random.nextInt(10);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n - 1; i++) {
            s.append(d[i]);
        }
        for (int c = 0; c < 10; c++) {
            if (Maskers.luhnValid(s.toString() + c)) {
                return s.toString() + c;
            }
        }
        throw new AssertionError();
    }

    /** Counts the characters of {@code text} that are in {@code alphabet}. */
    static long count(String text, String alphabet) {
        return text.chars().filter(c -> alphabet.indexOf(c) >= 0).count();
    }

    /** The key as hex and as {@code Arrays.toString}, which no message may contain. */
    static String[] renderings(byte[] key) {
        return new String[] {HexFormat.of().formatHex(key), HexFormat.of().withUpperCase().formatHex(key),
                java.util.Arrays.toString(key), java.util.Base64.getEncoder().encodeToString(key)};
    }
}
