package io.drm.masking.internal;

/**
 * {@code postcode_prefix}: keeps the first {@code keep} characters that are not white space, and
 * the spaces between them, and drops the rest ({@code "SW1A 1AA"} becomes {@code "SW1A"} with 4,
 * {@code "SW1A 1"} with 5). Leading white space is dropped; a value with no more than {@code keep}
 * such characters is returned stripped. A blank value is returned as it is. Not keyed.
 */
public final class PostcodePrefixMasker extends AbstractMasker {

    private final int keep;

    /**
     * @param keep how many non-space characters to keep, at least 1
     * @throws IllegalArgumentException if {@code keep} is less than 1
     */
    public PostcodePrefixMasker(int keep) {
        super("postcode_prefix", ColumnTypes.STRINGS);
        if (keep < 1) {
            throw new IllegalArgumentException("postcode_prefix: keep must be at least 1, is " + keep);
        }
        this.keep = keep;
    }

    @Override
    protected Object maskNonNull(Object value) {
        String text = Values.text(name(), value);
        int start = -1;
        int kept = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                if (start < 0) {
                    start = i;
                }
                if (++kept == keep) {
                    return text.substring(start, i + 1);
                }
            }
        }
        return start < 0 ? text : text.strip();
    }

    @Override
    protected String parameters() {
        return "keep=" + keep;
    }
}
