package io.drm.masking.internal;

import java.util.Objects;

/** {@code redact}: every string becomes the replacement. */
public final class RedactMasker extends AbstractMasker {

    private final String replacement;

    /** @param replacement the text every value becomes */
    public RedactMasker(String replacement) {
        super("redact", ColumnTypes.STRINGS);
        this.replacement = Objects.requireNonNull(replacement, "replacement");
    }

    @Override
    protected Object maskNonNull(Object value) {
        Values.text(name(), value); // refuse what is not a string, as for every string masker
        return replacement;
    }

    @Override
    protected String parameters() {
        return replacement.length() + " characters";
    }
}
