package io.drm.masking.internal;

import java.util.Objects;

/**
 * FF1 over the characters of a string that belong to an alphabet, with the other characters left
 * where they are: {@code 123-45-6789} over the decimal digits encrypts the nine digits and keeps
 * both hyphens. The result has the input's length and the same characters outside the alphabet at
 * the same positions, so it is a bijection on strings of one pattern. The tweak is empty: the same
 * value encrypts the same way in every table. Thread-safe (one shared {@link Ff1Cipher}, whose
 * per-thread scratch holds the numerals and the result's characters, so that a value costs one new
 * string).
 */
public final class InPlaceFpe {

    private static final byte[] NO_TWEAK = new byte[0];

    private final String masker;
    private final Alphabet alphabet;
    private final Ff1Cipher ff1;
    private final int minLength;

    /**
     * @param masker the masker's name, for messages
     * @param aesKey the 32-byte FF1 key
     * @param alphabet the alphabet, 2 to 65536 distinct characters
     * @throws IllegalArgumentException if the alphabet is invalid
     */
    public InPlaceFpe(String masker, byte[] aesKey, String alphabet) {
        this.masker = masker;
        Objects.requireNonNull(aesKey, "key");
        try {
            this.alphabet = Alphabet.of(alphabet);
            this.ff1 = new Ff1Cipher(aesKey, this.alphabet);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(masker + ": " + e.getMessage());
        }
        this.minLength = minLength(alphabet.length());
    }

    /** @return the fewest alphabet characters a value must have: FF1's minimum length */
    public int minLength() {
        return minLength;
    }

    /**
     * @param c a character
     * @return whether it is in the alphabet
     */
    public boolean inAlphabet(char c) {
        return alphabet.numeral(c) >= 0;
    }

    /**
     * Encrypts the alphabet characters of a text in place.
     *
     * @param text the text
     * @param others which characters outside the alphabet may appear; {@code null} for any
     * @param allowed how to describe the allowed characters in a message, when {@code others} is set
     * @return the text with its alphabet characters encrypted
     * @throws IllegalArgumentException if the text has a disallowed character (the message gives
     *     its position) or fewer alphabet characters than FF1's minimum
     */
    public String encrypt(String text, CharSet others, String allowed) {
        int n = text.length();
        Ff1Scratch scratch = ff1.scratch();
        int[] x = scratch.numerals(n);
        int count = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int numeral = alphabet.numeral(c);
            if (numeral >= 0) {
                x[count++] = numeral;
            } else if (others != null && !others.contains(c)) {
                throw new IllegalArgumentException(masker + ": the character at position " + i + " (of " + n
                        + ") is not " + allowed);
            }
        }
        if (count < minLength) {
            throw new IllegalArgumentException(masker + ": the value has " + count + " characters of the alphabet;"
                    + " FF1 needs at least " + minLength + " (radix^length >= 1,000,000)");
        }
        ff1.encryptNumerals(x, 0, count, NO_TWEAK);
        char[] out = scratch.chars(n);
        if (count == n) {
            return alphabet.toText(x, n, out);
        }
        text.getChars(0, n, out, 0);
        for (int i = 0, j = 0; j < count; i++) {
            if (alphabet.numeral(out[i]) >= 0) {
                out[i] = alphabet.character(x[j++]);
            }
        }
        return new String(out, 0, n);
    }

    /**
     * FF1's minimum length for a radix: at least 2, with radix^length at least 1,000,000.
     *
     * @param radix the radix
     * @return the minimum length
     */
    public static int minLength(int radix) {
        int min = 2;
        long domain = (long) radix * radix;
        while (domain < 1_000_000L) {
            domain *= radix;
            min++;
        }
        return min;
    }
}
