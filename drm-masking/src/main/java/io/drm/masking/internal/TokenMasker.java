package io.drm.masking.internal;

/**
 * {@code token}: a string becomes {@code length} code points of an alphabet drawn from
 * HMAC-SHA256 of its UTF-8 bytes under the masker's subkey. Deterministic, not reversible; distinct
 * inputs collide with the probability of random strings of that length and alphabet. The empty
 * string stays empty. An alphabet may hold supplementary code points (emoji): each is one draw
 * and is written as a whole surrogate pair; for an alphabet of the Basic Multilingual Plane code
 * points and {@code char}s are the same.
 */
public final class TokenMasker extends AbstractMasker {

    /** Longest token. */
    public static final int MAX_LENGTH = 4096;

    private final KeyedHash hash;
    private final TokenAlphabet alphabet;
    private final int length;

    /**
     * @param key the masking key, at least 16 bytes; not kept
     * @param length code points of a token, 1 to {@value #MAX_LENGTH}
     * @param alphabet the code points of tokens
     * @throws IllegalArgumentException if the key is too short, the length out of range or the
     *     alphabet invalid
     */
    public TokenMasker(byte[] key, int length, String alphabet) {
        super("token", ColumnTypes.STRINGS);
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("token: length must be 1 to " + MAX_LENGTH + ", is " + length);
        }
        this.alphabet = new TokenAlphabet(alphabet, "token");
        this.length = length;
        this.hash = new KeyedHash(MaskerKeys.subkey(key, "token"));
    }

    @Override
    protected Object maskNonNull(Object value) {
        String text = Values.text(name(), value);
        if (text.isEmpty()) {
            return text;
        }
        byte[] digest = hash.hash(text);
        char[] out = hash.chars(alphabet.maxChars(length));
        int chars = alphabet.fill(hash, digest, out, 0, length);
        return new String(out, 0, chars);
    }

    @Override
    protected String parameters() {
        return "length=" + length + ", radix=" + alphabet.radix();
    }
}
