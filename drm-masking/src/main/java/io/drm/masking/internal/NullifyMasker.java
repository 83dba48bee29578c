package io.drm.masking.internal;

/** {@code nullify}: every value becomes {@code null}. */
public final class NullifyMasker extends AbstractMasker {

    /** The one instance: it has no state. */
    public static final NullifyMasker INSTANCE = new NullifyMasker();

    private NullifyMasker() {
        super("nullify", ColumnTypes.ALL);
    }

    @Override
    protected Object maskNonNull(Object value) {
        return null;
    }
}
