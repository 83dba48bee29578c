package io.drm.masking.internal;

import java.util.Objects;

/**
 * {@code fpe}: FF1 over the characters of the alphabet, with every other character kept in place.
 * A bijection: distinct inputs give distinct outputs. The empty string stays empty.
 */
public final class FpeMasker extends InPlaceFpeMasker {

    /**
     * @param key the masking key, at least 16 bytes; not kept
     * @param alphabet the alphabet, 2 to 65536 distinct code points (supplementary ones included)
     * @throws IllegalArgumentException if the key is too short or the alphabet invalid
     */
    public FpeMasker(byte[] key, String alphabet) {
        super("fpe", key, Objects.requireNonNull(alphabet, "alphabet"), null, null);
    }

    @Override
    protected String parameters() {
        return "radix=" + fpe().radix() + ", minLength=" + fpe().minLength();
    }
}
