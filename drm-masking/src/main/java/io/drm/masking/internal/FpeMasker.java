package io.drm.masking.internal;

import java.util.Objects;

/**
 * {@code fpe}: FF1 over the characters of the alphabet, with every other character kept in place.
 * A bijection: distinct inputs give distinct outputs. The empty string stays empty.
 */
public final class FpeMasker extends AbstractMasker implements ColumnMasker {

    private final InPlaceFpe fpe;
    private final int radix;

    /**
     * @param key the masking key, at least 16 bytes; not kept
     * @param alphabet the alphabet, 2 to 65536 distinct code points (supplementary ones included)
     * @throws IllegalArgumentException if the key is too short or the alphabet invalid
     */
    public FpeMasker(byte[] key, String alphabet) {
        super("fpe", ColumnTypes.STRINGS);
        Objects.requireNonNull(alphabet, "alphabet");
        this.fpe = new InPlaceFpe("fpe", MaskerKeys.subkey(key, "fpe"), alphabet);
        this.radix = fpe.radix();
    }

    @Override
    public boolean preservesUniqueness() {
        return true;
    }

    @Override
    protected Object maskNonNull(Object value) {
        String text = Values.text(name(), value);
        return text.isEmpty() ? text : fpe.encrypt(text, null, null);
    }

    @Override
    public long maskColumn(Object[][] rows, int cell, int size) {
        return fpe.encryptColumn(rows, cell, size, null, null);
    }

    @Override
    protected String parameters() {
        return "radix=" + radix + ", minLength=" + fpe.minLength();
    }
}
