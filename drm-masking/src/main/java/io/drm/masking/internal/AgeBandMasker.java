package io.drm.masking.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * {@code age_band}: a number becomes the lower bound of its band of {@code width} (37 becomes 30
 * for width 10; bands are floors, so -1 becomes -10), in the input's numeric type; a
 * {@code BigDecimal} keeps its scale when it is not negative. A string of decimal digits (spaces
 * around it allowed) becomes the band as text, {@code "30-39"}. Not reversible, not keyed.
 */
public final class AgeBandMasker extends AbstractMasker {

    private static final int MAX_STRING_DIGITS = 18;

    private final int width;

    /**
     * @param width the band width, at least 1
     * @throws IllegalArgumentException if {@code width} is less than 1
     */
    public AgeBandMasker(int width) {
        super("age_band", ColumnTypes.NUMERICS_AND_STRINGS);
        if (width < 1) {
            throw new IllegalArgumentException("age_band: width must be at least 1, is " + width);
        }
        this.width = width;
    }

    @Override
    protected Object maskNonNull(Object value) {
        if (value instanceof Integer i) {
            return Math.floorDiv(i, width) * width;
        }
        if (value instanceof Long l) {
            return Math.floorDiv(l, (long) width) * width;
        }
        if (value instanceof Short s) {
            return (short) (Math.floorDiv(s, width) * width);
        }
        if (value instanceof Byte b) {
            return (byte) (Math.floorDiv(b, width) * width);
        }
        if (value instanceof BigInteger bi) {
            return bi.subtract(bi.mod(BigInteger.valueOf(width)));
        }
        if (value instanceof BigDecimal d) {
            BigDecimal w = BigDecimal.valueOf(width);
            return d.divide(w, 0, RoundingMode.FLOOR).multiply(w).setScale(Math.max(d.scale(), 0));
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? Math.floor(d / width) * width : d;
        }
        if (value instanceof Float f) {
            return Float.isFinite(f) ? (float) (Math.floor(f / (double) width) * width) : f;
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof java.sql.Clob) {
            return band(Values.text(name(), value));
        }
        throw Values.unsupported(name(), value, "numbers and strings of digits");
    }

    private String band(String text) {
        String digits = text.strip();
        boolean ok = !digits.isEmpty() && digits.length() <= MAX_STRING_DIGITS;
        for (int i = 0; ok && i < digits.length(); i++) {
            char c = digits.charAt(i);
            ok = c >= '0' && c <= '9';
        }
        if (!ok) {
            throw new IllegalArgumentException("age_band: the value (" + text.length() + " characters) is not a"
                    + " whole number of at most " + MAX_STRING_DIGITS + " decimal digits");
        }
        long low = Long.parseLong(digits) / width * width;
        return low + "-" + (low + width - 1);
    }

    @Override
    protected String parameters() {
        return "width=" + width;
    }
}
