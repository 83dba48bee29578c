package io.drm.masking;

import io.drm.spi.Masker;
import java.sql.JDBCType;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link Masker} of the catalogue: it has a name, says which column types it can mask, and
 * whether it is deterministic. Masking rules use {@link #supports} to refuse, before anything is
 * written, a masker that cannot handle a column's type.
 *
 * <p>Contract (as {@link Masker}): thread-safe, side-effect free, {@code null} in gives
 * {@code null} out, and the unmasked value never appears in a log or an exception message.
 */
public interface TypedMasker extends Masker {

    /** @return the catalogue name, for example {@code "email"}; as used in a rules file */
    String name();

    /**
     * @param type a column's JDBC type
     * @return whether this masker can mask values of columns of that type
     */
    boolean supports(JDBCType type);

    /** @return whether the same input (under the same key) always gives the same output; true by default */
    default boolean deterministic() {
        return true;
    }

    /**
     * @return whether distinct inputs always give distinct outputs (a bijection, such as FF1), so
     *     a unique column stays unique; false by default
     */
    default boolean preservesUniqueness() {
        return false;
    }

    /**
     * Wraps any masker, for rules built in Java.
     *
     * @param name a name for messages and reports
     * @param masker the masker
     * @param types the JDBC types it accepts; empty for any
     * @return the typed masker
     */
    static TypedMasker of(String name, Masker masker, Set<JDBCType> types) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(masker, "masker");
        Set<JDBCType> accepted = types.isEmpty() ? EnumSet.allOf(JDBCType.class) : EnumSet.copyOf(types);
        return new TypedMasker() {
            @Override
            public Object mask(Object value) {
                return masker.mask(value);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean supports(JDBCType type) {
                return accepted.contains(type);
            }

            @Override
            public String toString() {
                return "TypedMasker[" + name + "]";
            }
        };
    }
}
