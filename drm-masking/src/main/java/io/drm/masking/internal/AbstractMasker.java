package io.drm.masking.internal;

import io.drm.masking.TypedMasker;
import java.sql.JDBCType;
import java.util.Set;

/**
 * Common ground of the catalogue's maskers: a name, the accepted column types, {@code null} to
 * {@code null}, and a {@code toString()} that shows the parameters but never a key.
 */
public abstract class AbstractMasker implements TypedMasker {

    private final String name;
    private final Set<JDBCType> types;

    /**
     * @param name the catalogue name
     * @param types the accepted column types
     */
    protected AbstractMasker(String name, Set<JDBCType> types) {
        this.name = name;
        this.types = types;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean supports(JDBCType type) {
        return type != null && types.contains(type);
    }

    @Override
    public final Object mask(Object value) {
        return value == null ? null : maskNonNull(value);
    }

    /**
     * Masks a value that is not {@code null}.
     *
     * @param value the value
     * @return the masked value
     * @throws IllegalArgumentException if this masker cannot mask the value; the message names the
     *     masker and the problem, never the value
     */
    protected abstract Object maskNonNull(Object value);

    /** @return the parameters for {@code toString()}, empty when there are none; never a key */
    protected String parameters() {
        return "";
    }

    @Override
    public final String toString() {
        String p = parameters();
        return "Maskers." + name + (p.isEmpty() ? "" : "[" + p + "]");
    }
}
