package io.drm.masking.internal;

/**
 * {@code phone}: the digits are encrypted with FF1 (radix 10) in place; {@code '+'}, spaces
 * (including no-break spaces), hyphens, dots, slashes and parentheses stay where they are, so the
 * length and the layout are kept. Any other character (a letter, say) is refused rather than
 * copied through. At least 6 digits are needed (FF1's minimum domain). The empty string stays
 * empty.
 */
public final class PhoneMasker extends InPlaceFpeMasker {

    /** The characters kept in place. */
    public static final String PUNCTUATION = "+ \u00A0-./()";

    private static final CharSet KEPT = CharSet.of(PUNCTUATION);
    private static final String ALLOWED = "a digit, '+', space, '-', '.', '/', '(' or ')'";

    /**
     * @param key the masking key, at least 16 bytes; not kept
     * @throws IllegalArgumentException if the key is too short
     */
    public PhoneMasker(byte[] key) {
        super("phone", key, "0123456789", KEPT, ALLOWED);
    }
}
