package io.drm.masking.internal;

import java.util.Objects;

/**
 * {@code decrypt}: a column ciphertext of either format becomes its plaintext again, under the
 * key its key id names (any key of the keyring). For authorised restores. A value that is not a
 * ciphertext, names a key id the keyring lacks, or does not authenticate is refused with a coded
 * exception, never decrypted to garbage. Thread-safe.
 */
public final class ColumnDecryptMasker extends AbstractMasker {

    /** Catalogue name. */
    public static final String NAME = "decrypt";

    private final ColumnKeys keys;

    /** @param keys the keyring's column keys; every one decrypts */
    public ColumnDecryptMasker(ColumnKeys keys) {
        super(NAME, ColumnTypes.STRINGS);
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    protected Object maskNonNull(Object value) {
        return ColumnCiphertext.decrypt(keys, Values.text(name(), value), name());
    }

    @Override
    public boolean preservesUniqueness() {
        return true;
    }

    @Override
    protected String parameters() {
        return "keyIds=" + keys.keys().keySet().stream().sorted().toList();
    }
}
