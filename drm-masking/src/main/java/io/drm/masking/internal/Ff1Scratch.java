package io.drm.masking.internal;

/**
 * Buffers of one thread for one {@link Ff1Cipher}: one set for the cipher's string form
 * ({@link Ff1Cipher#apply}), another lent to the callers of its numeral entry point
 * ({@link Ff1Cipher#encryptNumerals}), so that masking a value needs no array of its own. Never
 * shared between threads; each buffer stays valid until the same thread asks this scratch for that
 * kind of buffer again.
 *
 * <p>Buffers grow up to {@value #MAX_KEPT} elements and are kept for the next value; a longer one
 * is handed out fresh and not kept, so that one huge value does not pin its size on every thread.
 */
final class Ff1Scratch {

    /** Longest buffer kept between calls. */
    static final int MAX_KEPT = 4096;

    private int[] numerals = new int[32];
    private char[] chars = new char[32];
    private byte[] tweak = new byte[0];

    /**
     * @param length how many numerals are needed
     * @return an array of at least {@code length} ints, contents undefined
     */
    int[] numerals(int length) {
        if (numerals.length < length) {
            if (length > MAX_KEPT) {
                return new int[length];
            }
            numerals = new int[Math.min(Math.max(length, numerals.length * 2), MAX_KEPT)];
        }
        return numerals;
    }

    /**
     * @param length how many chars are needed
     * @return an array of at least {@code length} chars, contents undefined
     */
    char[] chars(int length) {
        if (chars.length < length) {
            if (length > MAX_KEPT) {
                return new char[length];
            }
            chars = new char[Math.min(Math.max(length, chars.length * 2), MAX_KEPT)];
        }
        return chars;
    }

    /**
     * @param length the tweak's length in bytes
     * @return an array of exactly {@code length} bytes (a tweak's length is its array's), contents
     *     undefined; the same array while the length stays the same
     */
    byte[] tweak(int length) {
        if (tweak.length != length) {
            tweak = new byte[length];
        }
        return tweak;
    }
}
