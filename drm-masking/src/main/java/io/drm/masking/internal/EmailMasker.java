package io.drm.masking.internal;

/**
 * {@code email}: {@code local@domain} becomes {@code token@domain}, where the token is
 * {@value #LOCAL_LENGTH} characters of {@code [a-z0-9]} drawn from the AES-CMAC stream ({@link KeyedPrf})
 * of the whole address under the masker's subkeys, and the domain is the input's (kept) or a fixed replacement. The
 * local part's length is not kept, so it leaks nothing; 16 base-36 characters (82 bits) keep
 * distinct addresses distinct with overwhelming probability, so a unique column stays unique in
 * practice. The input is split at its last {@code '@'}; both sides must be non-empty, and a kept
 * domain must be a host name (labels of letters, digits and hyphens), so the output is always a
 * valid address. The empty string stays empty.
 */
public final class EmailMasker extends AbstractMasker implements ColumnMasker {

    /** Characters of the masked local part. */
    public static final int LOCAL_LENGTH = 16;

    private static final TokenAlphabet LOCAL = new TokenAlphabet("abcdefghijklmnopqrstuvwxyz0123456789", "email");

    private final KeyedPrf prf;
    private final String domain;

    /**
     * @param key the masking key, at least 16 bytes; not kept
     * @param domain the replacement domain, or {@code null} to keep each address's domain
     * @throws IllegalArgumentException if the key is too short or the domain is not a host name
     */
    public EmailMasker(byte[] key, String domain) {
        super("email", ColumnTypes.STRINGS);
        if (domain != null && !isHostName(domain, 0)) {
            throw new IllegalArgumentException("email: the replacement domain is not a host name"
                    + " (dot-separated labels of letters, digits and hyphens, at most 253 characters)");
        }
        this.domain = domain;
        this.prf = new KeyedPrf(MaskerKeys.subkey(key, "email"), MaskerKeys.subkey(key, "email", "stream"));
    }

    @Override
    protected Object maskNonNull(Object value) {
        String text = checked(value);
        if (text.isEmpty()) {
            return text;
        }
        char[] out = prf.chars(LOCAL_LENGTH + 1 + text.length() + (domain == null ? 0 : domain.length()));
        LOCAL.fill(prf, prf.prf(text), out, 0, LOCAL_LENGTH);
        return address(text, out);
    }

    /** Tags up to {@value KeyedPrf#BATCH_SIZE} addresses at once; the results are those of {@code mask}. */
    @Override
    public long maskColumn(Object[][] rows, int cell, int size) {
        return ColumnWalk.walk(rows, cell, size, new PrfChunk(prf, name(), false, true, rows, cell) {
            @Override
            protected String key(String text) {
                return checked(text).isEmpty() ? null : text;
            }

            @Override
            protected Object render(String text, byte[] results, int at) {
                char[] out = prf.chars(LOCAL_LENGTH + 1 + text.length() + (domain == null ? 0 : domain.length()));
                return LOCAL.fillFrom(results, at, at + 2 * KeyedPrf.BLOCK, out, 0, LOCAL_LENGTH)
                        ? address(text, out) : maskNonNull(text);
            }
        });
    }

    /** The value as a string, checked to be an address (or empty). */
    private String checked(Object value) {
        String text = Values.text(name(), value);
        if (text.isEmpty()) {
            return text;
        }
        int at = text.lastIndexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new IllegalArgumentException("email: the value (" + text.length()
                    + " characters) is not an email address: it needs an '@' with text on both sides");
        }
        if (domain == null && !isHostName(text, at + 1)) {
            throw new IllegalArgumentException("email: the value's domain is not a host name (dot-separated"
                    + " labels of letters, digits and hyphens); give the masker a replacement domain");
        }
        return text;
    }

    /** {@code out} holds the token; appends {@code @} and the domain and makes the string. */
    private String address(String text, char[] out) {
        String kept = domain != null ? domain : text;
        int from = domain != null ? 0 : text.lastIndexOf('@') + 1;
        int keptLength = kept.length() - from;
        out[LOCAL_LENGTH] = '@';
        kept.getChars(from, kept.length(), out, LOCAL_LENGTH + 1);
        return new String(out, 0, LOCAL_LENGTH + 1 + keptLength);
    }

    /**
     * Whether {@code s.substring(from)} is a host name: 1 to 253 characters, labels of 1 to 63
     * letters, digits or hyphens, not starting or ending with a hyphen.
     */
    static boolean isHostName(String s, int from) {
        int length = s.length() - from;
        if (length < 1 || length > 253) {
            return false;
        }
        int labelStart = from;
        for (int i = from; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '.') {
                int labelLength = i - labelStart;
                if (labelLength < 1 || labelLength > 63 || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else {
                char c = s.charAt(i);
                if (c != '-' && !Character.isLetterOrDigit(c)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    protected String parameters() {
        return domain == null ? "domain kept" : "domain=" + domain;
    }
}
