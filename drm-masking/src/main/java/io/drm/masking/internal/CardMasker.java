package io.drm.masking.internal;

/**
 * {@code card}: a payment card number of 12 to 19 digits, optionally with spaces or hyphens, whose
 * digits are encrypted so that the result passes the Luhn check; the separators stay in place.
 *
 * <p>Without {@code keepBinAndLast4}, the first {@code n - 1} digits are encrypted with FF1 and
 * the check digit is recomputed. With it, the first 6 and last 4 digits are kept; of the digits
 * between, the last becomes the digit that makes the Luhn check pass, and the others (1 to 8 of
 * them) are encrypted, with the kept digits as the tweak: by FF1 when there are at least 6, by a
 * small-domain Feistel permutation ({@link DigitFeistel}) below that. Either way, distinct
 * Luhn-valid inputs give distinct outputs; an input that fails the check gives the same output as
 * the valid number it differs from in that one digit. The empty string stays empty.
 *
 * <p>The digits, the tweak and the result's characters live in the FF1 cipher's per-thread scratch:
 * a value costs one new string (plus what {@link DigitFeistel} allocates, on its path).
 */
public final class CardMasker extends AbstractMasker implements ColumnMasker {

    /** Fewest digits of a card number. */
    public static final int MIN_DIGITS = 12;

    /** Most digits of a card number. */
    public static final int MAX_DIGITS = 19;

    private static final byte[] NO_TWEAK = new byte[0];
    private static final String DIGITS = "0123456789";

    private final boolean keepBinAndLast4;
    private final Ff1Cipher ff1;
    private final DigitFeistel small;

    /**
     * @param key the masking key, at least 16 bytes; not kept
     * @param keepBinAndLast4 whether to keep the first 6 and last 4 digits
     * @throws IllegalArgumentException if the key is too short
     */
    public CardMasker(byte[] key, boolean keepBinAndLast4) {
        super("card", ColumnTypes.STRINGS);
        this.keepBinAndLast4 = keepBinAndLast4;
        this.ff1 = new Ff1Cipher(MaskerKeys.subkey(key, "card"), Alphabet.of(DIGITS));
        this.small = new DigitFeistel(MaskerKeys.subkey(key, "card", "small-domain"));
    }

    @Override
    protected Object maskNonNull(Object value) {
        String text = Values.text(name(), value);
        if (text.isEmpty()) {
            return text;
        }
        Ff1Scratch scratch = ff1.scratch();
        int[] number = scratch.numerals(MAX_DIGITS);
        int n = digits(text, number, 0);
        if (keepBinAndLast4) {
            maskMiddle(number, n, scratch.tweak(10));
        } else {
            ff1.encryptNumerals(number, 0, n - 1, NO_TWEAK);
            number[n - 1] = Luhn.solve(number, 0, n, n - 1);
        }
        return render(text, number, 0, n, scratch);
    }

    /**
     * Without {@code keepBinAndLast4}, masks a column with the FF1 rounds of up to
     * {@value Ff1Column#CHUNK} numbers in lockstep; with it, value by value (each number has its
     * own tweak). The results are those of {@code mask}.
     */
    @Override
    public long maskColumn(Object[][] rows, int cell, int size) {
        if (keepBinAndLast4) {
            long n = 0;
            for (int r = 0; r < size; r++) {
                Object value = rows[r][cell];
                if (value != null) {
                    rows[r][cell] = maskNonNull(value);
                    n++;
                }
            }
            return n;
        }
        Ff1Scratch scratch = ff1.scratch();
        return ColumnWalk.walk(rows, cell, size, new Ff1Column.Chunk(ff1, name(), 1, rows, cell) {
            @Override
            protected int numerals(String text, int[] x, int at) {
                return digits(text, x, at); // FF1 over all but the check digit, the trailing one
            }

            @Override
            protected String render(int j, int[] x, int at, int count) {
                int n = count + 1;
                x[at + count] = Luhn.solve(x, at, n, count);
                return CardMasker.render(text(j), x, at, n, scratch);
            }
        });
    }

    /**
     * Writes the digits of a card number to {@code number} from {@code at} on, checking its
     * characters and length.
     *
     * @return how many digits it has
     */
    private static int digits(String text, int[] number, int at) {
        int length = text.length();
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (n == MAX_DIGITS) {
                    throw tooMany(length);
                }
                number[at + n++] = c - '0';
            } else if (c != ' ' && c != '-') {
                throw new IllegalArgumentException("card: the character at position " + i + " (of " + length
                        + ") is not a digit, space or hyphen");
            }
        }
        if (n < MIN_DIGITS) {
            throw new IllegalArgumentException("card: the value has " + n + " digits; a card number has "
                    + MIN_DIGITS + " to " + MAX_DIGITS);
        }
        return n;
    }

    /** The text with its digits replaced, in order, by {@code number[at .. at + n)}. */
    private static String render(String text, int[] number, int at, int n, Ff1Scratch scratch) {
        int length = text.length();
        char[] out = scratch.chars(length);
        text.getChars(0, length, out, 0);
        for (int i = 0, j = 0; j < n; i++) {
            if (out[i] >= '0' && out[i] <= '9') {
                out[i] = (char) ('0' + number[at + j++]);
            }
        }
        return new String(out, 0, length);
    }

    /**
     * Keeps 6 + 4 of the {@code n} digits, encrypts the free middle ones, solves the last middle
     * digit for Luhn; {@code tweak} (10 bytes, overwritten) receives the kept digits.
     */
    private void maskMiddle(int[] number, int n, byte[] tweak) {
        for (int i = 0; i < 6; i++) {
            tweak[i] = (byte) ('0' + number[i]);
        }
        for (int i = 0; i < 4; i++) {
            tweak[6 + i] = (byte) ('0' + number[n - 4 + i]);
        }
        int adjuster = n - 5;
        int free = adjuster - 6; // 1 (12 digits) to 8 (19 digits)
        if (free > DigitFeistel.MAX_DIGITS) {
            ff1.encryptNumerals(number, 6, free, tweak);
        } else {
            int x = 0;
            for (int i = 0; i < free; i++) {
                x = x * 10 + number[6 + i];
            }
            int y = small.permute(x, free, tweak);
            for (int i = free - 1; i >= 0; i--) {
                number[6 + i] = y % 10;
                y /= 10;
            }
        }
        number[adjuster] = Luhn.solve(number, 0, n, adjuster);
    }

    private static IllegalArgumentException tooMany(int length) {
        return new IllegalArgumentException("card: the value (" + length + " characters) has more than "
                + MAX_DIGITS + " digits; a card number has " + MIN_DIGITS + " to " + MAX_DIGITS);
    }

    @Override
    protected String parameters() {
        return "keepBinAndLast4=" + keepBinAndLast4;
    }
}
