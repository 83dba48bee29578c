package io.drm.masking.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * An ordered set of distinct Unicode code points, supplementary ones (emoji, historic scripts)
 * included: the numeral of a code point is its index. The alphabet of the {@code token} and
 * {@code fpe} maskers, which must never split a surrogate pair. Immutable and thread-safe.
 */
public final class CodePointAlphabet {

    /** Fewest code points an alphabet may have. */
    public static final int MIN_RADIX = 2;

    /** Most code points an alphabet may have. */
    public static final int MAX_RADIX = 1 << 16;

    /** Widest span of code points looked up through a dense table; a wider one is searched. */
    private static final int DENSE_SPAN = 1 << 16;

    private final int[] codePoints;
    private final boolean bmp;
    private final int first;
    /** Dense: numeral of {@code first + i} at {@code i}, or -1. Sparse: null. */
    private final int[] dense;
    /** Sparse: the code points sorted, and the numeral of each. Dense: null. */
    private final int[] sorted;
    private final int[] sortedNumerals;

    private CodePointAlphabet(int[] codePoints, boolean bmp, int first, int[] dense, int[] sorted,
            int[] sortedNumerals) {
        this.codePoints = codePoints;
        this.bmp = bmp;
        this.first = first;
        this.dense = dense;
        this.sorted = sorted;
        this.sortedNumerals = sortedNumerals;
    }

    /**
     * Builds an alphabet from the code points of a string, in order. Positions in messages count
     * code points, which for an alphabet of the Basic Multilingual Plane are its {@code char}s.
     *
     * @param alphabet the code points, each once
     * @return the alphabet
     * @throws NullPointerException if {@code alphabet} is null
     * @throws IllegalArgumentException if it has an unpaired surrogate, fewer than 2 or more than
     *     65536 code points, or a code point twice
     */
    public static CodePointAlphabet of(String alphabet) {
        Objects.requireNonNull(alphabet, "alphabet");
        int[] cps = alphabet.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            if (cps[i] <= Character.MAX_VALUE && Character.isSurrogate((char) cps[i])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "alphabet has the unpaired surrogate U+%04X at position %d", cps[i], i));
            }
        }
        if (cps.length < MIN_RADIX) {
            throw new IllegalArgumentException("alphabet must have at least " + MIN_RADIX
                    + " distinct characters, has " + cps.length);
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int cp : cps) {
            min = Math.min(min, cp);
            max = Math.max(max, cp);
        }
        boolean bmp = max <= Character.MAX_VALUE;
        // Repeats are reported before the size: more than 65536 BMP code points must repeat one.
        int[] order = sortedOrder(cps);
        for (int k = 1; k < order.length; k++) {
            int a = order[k - 1];
            int b = order[k];
            if (cps[a] == cps[b]) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "alphabet repeats the character U+%04X (positions %d and %d)", cps[a], a, b));
            }
        }
        if (cps.length > MAX_RADIX) {
            throw new IllegalArgumentException("alphabet must have at most " + MAX_RADIX
                    + " distinct characters, has " + cps.length);
        }
        if (max - min < DENSE_SPAN) {
            int[] dense = new int[max - min + 1];
            Arrays.fill(dense, -1);
            for (int i = 0; i < cps.length; i++) {
                dense[cps[i] - min] = i;
            }
            return new CodePointAlphabet(cps, bmp, min, dense, null, null);
        }
        int[] sorted = new int[cps.length];
        int[] numerals = new int[cps.length];
        for (int k = 0; k < order.length; k++) {
            sorted[k] = cps[order[k]];
            numerals[k] = order[k];
        }
        return new CodePointAlphabet(cps, bmp, min, null, sorted, numerals);
    }

    /** Indices of {@code cps} in ascending order of code point, equal ones by position. */
    private static int[] sortedOrder(int[] cps) {
        long[] keyed = new long[cps.length];
        for (int i = 0; i < cps.length; i++) {
            keyed[i] = ((long) cps[i] << 32) | i;
        }
        Arrays.sort(keyed);
        int[] order = new int[cps.length];
        for (int i = 0; i < cps.length; i++) {
            order[i] = (int) keyed[i];
        }
        return order;
    }

    /** @return the number of code points, the radix of the numerals, 2 to 65536 */
    public int radix() {
        return codePoints.length;
    }

    /** @return whether every code point is one {@code char} (the Basic Multilingual Plane) */
    public boolean bmpOnly() {
        return bmp;
    }

    /**
     * @param codePoint a code point (or a {@code char})
     * @return its index in the alphabet, or -1 if it is not in the alphabet
     */
    public int numeral(int codePoint) {
        if (dense != null) {
            int slot = codePoint - first;
            return slot >= 0 && slot < dense.length ? dense[slot] : -1;
        }
        int k = Arrays.binarySearch(sorted, codePoint);
        return k >= 0 ? sortedNumerals[k] : -1;
    }

    /**
     * @param numeral a numeral, below {@link #radix()}
     * @return the code point at that index
     */
    public int codePoint(int numeral) {
        return codePoints[numeral];
    }

    /**
     * @return the alphabet as {@code char}s, one per numeral
     * @throws IllegalStateException if the alphabet has a supplementary code point
     */
    public char[] chars() {
        if (!bmp) {
            throw new IllegalStateException("the alphabet has supplementary code points");
        }
        char[] chars = new char[codePoints.length];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) codePoints[i];
        }
        return chars;
    }
}
