package io.drm.masking.internal;

import java.sql.Clob;
import java.sql.SQLException;

/** Reads the text of a column value for string maskers; messages name the masker and the type only. */
public final class Values {

    private Values() {
    }

    /**
     * Returns the text of a string value.
     *
     * @param masker the masker's name, for the message
     * @param value a {@code CharSequence}, {@code Character} or {@code java.sql.Clob}; not null
     * @return the text
     * @throws IllegalArgumentException if the value is of another type or a CLOB cannot be read
     */
    public static String text(String masker, Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof CharSequence cs) {
            return cs.toString();
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value instanceof Clob clob) {
            try {
                long length = clob.length();
                if (length > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException(masker + ": a CLOB of " + length
                            + " characters is too long to mask");
                }
                return length == 0 ? "" : clob.getSubString(1, (int) length);
            } catch (SQLException e) {
                // The driver's message might quote content; keep only its SQL state.
                throw new IllegalArgumentException(masker + ": the CLOB value could not be read (SQL state "
                        + e.getSQLState() + ")");
            }
        }
        throw unsupported(masker, value, "strings");
    }

    /**
     * The failure for a value of a type a masker cannot mask.
     *
     * @param masker the masker's name
     * @param value the value, only its class is named
     * @param accepted what the masker accepts, for example {@code "strings"}
     * @return the exception to throw
     */
    public static IllegalArgumentException unsupported(String masker, Object value, String accepted) {
        return new IllegalArgumentException(masker + ": cannot mask a value of type "
                + value.getClass().getName() + "; it masks " + accepted);
    }
}
