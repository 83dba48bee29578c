package io.drm.masking.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * An ordered set of distinct {@code char}s: the numeral of a character is its index. Immutable and
 * thread-safe.
 */
public final class Alphabet {

    /** Fewest characters an alphabet may have. */
    public static final int MIN_RADIX = 2;

    /** Most characters an alphabet may have: every {@code char} value. */
    public static final int MAX_RADIX = 1 << 16;

    private final char[] chars;
    private final char first;
    /** Numeral of {@code (char) (first + i)} at index {@code i}, or -1 when not in the alphabet. */
    private final int[] numerals;

    private Alphabet(char[] chars, char first, int[] numerals) {
        this.chars = chars;
        this.first = first;
        this.numerals = numerals;
    }

    /**
     * Builds an alphabet from the characters of a string, in order.
     *
     * @param alphabet the characters, each once
     * @return the alphabet
     * @throws NullPointerException if {@code alphabet} is null
     * @throws IllegalArgumentException if it has fewer than 2 characters or a character twice
     */
    public static Alphabet of(String alphabet) {
        Objects.requireNonNull(alphabet, "alphabet");
        int radix = alphabet.length();
        if (radix < MIN_RADIX) {
            throw new IllegalArgumentException("alphabet must have at least " + MIN_RADIX
                    + " distinct characters, has " + radix);
        }
        // A String longer than 65536 chars must repeat one, which the loop below reports.
        char[] chars = alphabet.toCharArray();
        char min = Character.MAX_VALUE;
        char max = Character.MIN_VALUE;
        for (char c : chars) {
            min = c < min ? c : min;
            max = c > max ? c : max;
        }
        int[] numerals = new int[max - min + 1];
        Arrays.fill(numerals, -1);
        for (int i = 0; i < chars.length; i++) {
            int slot = chars[i] - min;
            if (numerals[slot] >= 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "alphabet repeats the character U+%04X (positions %d and %d)",
                        (int) chars[i], numerals[slot], i));
            }
            numerals[slot] = i;
        }
        return new Alphabet(chars, min, numerals);
    }

    /**
     * Returns the number of characters, the radix of the numerals.
     *
     * @return the radix, 2 to 65536
     */
    public int radix() {
        return chars.length;
    }

    /**
     * Returns the numeral of a character.
     *
     * @param c a character
     * @return its index in the alphabet, or -1 if it is not in the alphabet
     */
    public int numeral(char c) {
        int slot = c - first;
        return slot >= 0 && slot < numerals.length ? numerals[slot] : -1;
    }

    /**
     * Returns the character of a numeral.
     *
     * @param numeral a numeral, below {@link #radix()}
     * @return the character at that index of the alphabet
     * @throws ArrayIndexOutOfBoundsException if the numeral is negative or not below the radix
     */
    public char character(int numeral) {
        return chars[numeral];
    }

    /**
     * Writes the numeral of each character of {@code text} to {@code out[0 .. text.length())}.
     *
     * @param text the characters to convert
     * @param out where the numerals go; at least as long as {@code text}
     * @throws IllegalArgumentException if a character is not in the alphabet; the message names
     *     its position only, never the text
     */
    public void toNumerals(String text, int[] out) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            int numeral = numeral(text.charAt(i));
            if (numeral < 0) {
                throw new IllegalArgumentException("the character at position " + i
                        + " (of " + length + ") is not in the alphabet");
            }
            out[i] = numeral;
        }
    }

    /**
     * Builds the string whose characters have the given numerals.
     *
     * @param numerals the numerals, each below {@link #radix()}
     * @param length how many numerals to use, from index 0
     * @param scratch a buffer of at least {@code length} chars, overwritten
     * @return the string
     */
    public String toText(int[] numerals, int length, char[] scratch) {
        for (int i = 0; i < length; i++) {
            scratch[i] = chars[numerals[i]];
        }
        return new String(scratch, 0, length);
    }
}
