package io.drm.masking.internal;

import java.util.Objects;

/**
 * FF1 over the characters of a string that belong to an alphabet, with the other characters left
 * where they are: {@code 123-45-6789} over the decimal digits encrypts the nine digits and keeps
 * both hyphens. The result has the input's length and the same characters outside the alphabet at
 * the same positions, so it is a bijection on strings of one pattern. The tweak is empty: the same
 * value encrypts the same way in every table. Thread-safe (one shared {@link Ff1Cipher}, whose
 * per-thread scratch holds the numerals and the result's characters, so that a value costs one new
 * string). The alphabet may hold supplementary code points (emoji): then values are walked by
 * code point, a pair is never split, and the length kept is the number of code points (the number
 * of {@code char}s changes when the alphabet mixes planes). An alphabet of the Basic Multilingual
 * Plane is walked by {@code char}, as it always was.
 */
public final class InPlaceFpe {

    private static final byte[] NO_TWEAK = new byte[0];

    private final String masker;
    private final CodePointAlphabet alphabet;
    private final boolean bmp;
    private final Ff1Cipher ff1;
    private final int minLength;

    /**
     * @param masker the masker's name, for messages
     * @param aesKey the 32-byte FF1 key
     * @param alphabet the alphabet, 2 to 65536 distinct code points
     * @throws IllegalArgumentException if the alphabet is invalid (too small, a repeat, an unpaired
     *     surrogate)
     */
    public InPlaceFpe(String masker, byte[] aesKey, String alphabet) {
        this.masker = masker;
        Objects.requireNonNull(aesKey, "key");
        try {
            this.alphabet = CodePointAlphabet.of(alphabet);
            this.ff1 = new Ff1Cipher(aesKey, this.alphabet.radix());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(masker + ": " + e.getMessage());
        }
        this.minLength = ff1.minLength();
        this.bmp = this.alphabet.bmpOnly();
    }

    /** @return the number of code points of the alphabet */
    public int radix() {
        return alphabet.radix();
    }

    /** @return the fewest alphabet characters a value must have: FF1's minimum length */
    public int minLength() {
        return minLength;
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
        int count = numerals(text, x, 0, others, allowed);
        ff1.encryptNumerals(x, 0, count, NO_TWEAK);
        return render(text, x, 0, count, scratch);
    }

    /**
     * Encrypts the alphabet characters of every non-null value of a column of rows in place, as
     * {@link #encrypt} does each, with the rounds of up to {@value Ff1Column#CHUNK} values in
     * lockstep ({@link Ff1Cipher#encryptRanges}). The empty string stays empty.
     *
     * @param rows the rows
     * @param cell the column's index in each row
     * @param size how many rows are used
     * @param others which characters outside the alphabet may appear; {@code null} for any
     * @param allowed how to describe the allowed characters in a message, when {@code others} is set
     * @return how many non-null values there were
     * @throws IllegalArgumentException as {@link #encrypt} does, or if a value is not a string
     */
    public long encryptColumn(Object[][] rows, int cell, int size, CharSet others, String allowed) {
        Ff1Scratch scratch = ff1.scratch();
        return ColumnWalk.walk(rows, cell, size, new Ff1Column.Chunk(ff1, masker, 0, rows, cell) {
            @Override
            protected int numerals(String text, int[] x, int at) {
                return InPlaceFpe.this.numerals(text, x, at, others, allowed);
            }

            @Override
            protected String render(int j, int[] x, int at, int count) {
                return InPlaceFpe.this.render(text(j), x, at, count, scratch);
            }
        });
    }

    /**
     * Writes the numerals of the text's alphabet characters to {@code x} from {@code at} on,
     * checking the other characters and the count.
     *
     * @return how many numerals were written
     */
    private int numerals(String text, int[] x, int at, CharSet others, String allowed) {
        int n = text.length();
        int count = 0;
        for (int i = 0; i < n; ) {
            int c = bmp ? text.charAt(i) : text.codePointAt(i);
            int numeral = alphabet.numeral(c);
            if (numeral >= 0) {
                x[at + count++] = numeral;
            } else if (others != null && (c > Character.MAX_VALUE || !others.contains((char) c))) {
                throw new IllegalArgumentException(masker + ": the character at position " + i + " (of " + n
                        + ") is not " + allowed);
            }
            i += bmp ? 1 : Character.charCount(c);
        }
        if (count < minLength) {
            throw new IllegalArgumentException(masker + ": the value has " + count + " characters of the alphabet;"
                    + " FF1 needs at least " + minLength + " (radix^length >= 1,000,000)");
        }
        return count;
    }

    /** The text with its alphabet characters replaced, in order, by those of {@code x[at ..]}. */
    private String render(String text, int[] x, int at, int count, Ff1Scratch scratch) {
        int n = text.length();
        if (!bmp) {
            return renderCodePoints(text, x, at, count);
        }
        char[] out = scratch.chars(n);
        text.getChars(0, n, out, 0);
        for (int i = 0, j = 0; j < count; i++) {
            if (alphabet.numeral(out[i]) >= 0) {
                out[i] = (char) alphabet.codePoint(x[at + j++]);
            }
        }
        return new String(out, 0, n);
    }

    /** {@link #render} by code point, for an alphabet with supplementary code points. */
    private String renderCodePoints(String text, int[] x, int at, int count) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n + count);
        int j = 0;
        for (int i = 0; i < n; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            out.appendCodePoint(j < count && alphabet.numeral(c) >= 0 ? alphabet.codePoint(x[at + j++]) : c);
        }
        return out.toString();
    }
}
