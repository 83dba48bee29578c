package io.drm.masking.internal;

/**
 * {@code partial}: keeps the first and last characters and replaces the others with a mask
 * character. Counts are in code points; a masked supplementary character becomes two mask
 * characters, so the length in {@code char}s is kept and no surrogate is left unpaired. A value
 * too short to hide anything (no more code points than {@code keepFirst + keepLast}) is masked
 * entirely.
 */
public final class PartialMasker extends AbstractMasker {

    private final int keepFirst;
    private final int keepLast;
    private final char maskChar;

    /**
     * @param keepFirst code points kept at the start, at least 0
     * @param keepLast code points kept at the end, at least 0
     * @param maskChar the replacement character, not a surrogate
     * @throws IllegalArgumentException if a count is negative or the mask character is a surrogate
     */
    public PartialMasker(int keepFirst, int keepLast, char maskChar) {
        super("partial", ColumnTypes.STRINGS);
        if (keepFirst < 0 || keepLast < 0) {
            throw new IllegalArgumentException("partial: keepFirst and keepLast must be at least 0, are "
                    + keepFirst + " and " + keepLast);
        }
        if (Character.isSurrogate(maskChar)) {
            throw new IllegalArgumentException("partial: the mask character must not be a surrogate");
        }
        this.keepFirst = keepFirst;
        this.keepLast = keepLast;
        this.maskChar = maskChar;
    }

    @Override
    protected Object maskNonNull(Object value) {
        String text = Values.text(name(), value);
        int length = text.length();
        int codePoints = text.codePointCount(0, length);
        boolean all = codePoints <= (long) keepFirst + keepLast;
        int start = all ? 0 : text.offsetByCodePoints(0, keepFirst);
        int end = all ? length : text.offsetByCodePoints(length, -keepLast);
        char[] out = text.toCharArray();
        for (int i = start; i < end; i++) {
            out[i] = maskChar;
        }
        return new String(out);
    }

    @Override
    protected String parameters() {
        return "keepFirst=" + keepFirst + ", keepLast=" + keepLast;
    }
}
