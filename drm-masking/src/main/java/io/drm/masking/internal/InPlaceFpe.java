package io.drm.masking.internal;

import io.drm.masking.Ff1;

/**
 * FF1 over the characters of a string that belong to an alphabet, with the other characters left
 * where they are: {@code 123-45-6789} over the decimal digits encrypts the nine digits and keeps
 * both hyphens. The result has the input's length and the same characters outside the alphabet at
 * the same positions, so it is a bijection on strings of one pattern. The tweak is empty: the same
 * value encrypts the same way in every table. Thread-safe (one shared {@link Ff1}).
 */
public final class InPlaceFpe {

    private static final byte[] NO_TWEAK = new byte[0];

    private final String masker;
    private final Ff1 ff1;
    private final CharSet alphabet;
    private final int minLength;

    /**
     * @param masker the masker's name, for messages
     * @param aesKey the 32-byte FF1 key
     * @param alphabet the alphabet, validated by {@link Ff1#create}
     * @throws IllegalArgumentException if the alphabet is invalid
     */
    public InPlaceFpe(String masker, byte[] aesKey, String alphabet) {
        this.masker = masker;
        try {
            this.ff1 = Ff1.create(aesKey, alphabet);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(masker + ": " + e.getMessage());
        }
        this.alphabet = CharSet.of(alphabet);
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
        return alphabet.contains(c);
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
        int count = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (alphabet.contains(c)) {
                count++;
            } else if (others != null && !others.contains(c)) {
                throw new IllegalArgumentException(masker + ": the character at position " + i + " (of " + n
                        + ") is not " + allowed);
            }
        }
        if (count < minLength) {
            throw new IllegalArgumentException(masker + ": the value has " + count + " characters of the alphabet;"
                    + " FF1 needs at least " + minLength + " (radix^length >= 1,000,000)");
        }
        if (count == n) {
            return ff1.encrypt(text, NO_TWEAK);
        }
        char[] picked = new char[count];
        for (int i = 0, j = 0; i < n; i++) {
            char c = text.charAt(i);
            if (alphabet.contains(c)) {
                picked[j++] = c;
            }
        }
        String encrypted = ff1.encrypt(new String(picked), NO_TWEAK);
        char[] out = text.toCharArray();
        for (int i = 0, j = 0; i < n; i++) {
            if (alphabet.contains(out[i])) {
                out[i] = encrypted.charAt(j++);
            }
        }
        return new String(out);
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
