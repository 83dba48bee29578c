package io.drm.masking.internal;

/**
 * A masker that is FF1 in place ({@link InPlaceFpe}) under its own subkey: {@code fpe} over any
 * alphabet, {@code phone} over the digits with its punctuation. Value by value or a column at a
 * time; a bijection on values of one layout. The empty string stays empty.
 */
public abstract class InPlaceFpeMasker extends AbstractMasker implements ColumnMasker {

    private final InPlaceFpe fpe;
    private final CharSet others;
    private final String allowed;

    /**
     * @param name the catalogue name, also the subkey's name
     * @param key the masking key, at least 16 bytes; not kept
     * @param alphabet the code points to encrypt
     * @param others which other characters a value may have; {@code null} for any
     * @param allowed how to describe the allowed characters in a message, when {@code others} is set
     * @throws IllegalArgumentException if the key is too short or the alphabet invalid
     */
    protected InPlaceFpeMasker(String name, byte[] key, String alphabet, CharSet others, String allowed) {
        super(name, ColumnTypes.STRINGS);
        this.fpe = new InPlaceFpe(name, MaskerKeys.subkey(key, name), alphabet);
        this.others = others;
        this.allowed = allowed;
    }

    /** @return the cipher */
    protected final InPlaceFpe fpe() {
        return fpe;
    }

    @Override
    public final boolean preservesUniqueness() {
        return true;
    }

    @Override
    protected final Object maskNonNull(Object value) {
        String text = Values.text(name(), value);
        return text.isEmpty() ? text : fpe.encrypt(text, others, allowed);
    }

    @Override
    public final long maskColumn(Object[][] rows, int cell, int size) {
        return fpe.encryptColumn(rows, cell, size, others, allowed);
    }
}
