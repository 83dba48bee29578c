package io.drm.masking.internal;

import io.drm.masking.UnsafeIdentifierException;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** Quotes identifiers with the database's own quote string, refusing what cannot be quoted safely. */
public final class SqlNames {

    private final String quote;

    private SqlNames(String quote) {
        this.quote = quote;
    }

    /**
     * @param md the database's metadata
     * @return the quoting of that database
     * @throws SQLException if the metadata cannot be read
     */
    public static SqlNames of(DatabaseMetaData md) throws SQLException {
        String q = md.getIdentifierQuoteString();
        return new SqlNames(q == null || q.isBlank() ? "\"" : q.strip());
    }

    /** @return the quote string, for example {@code "} or {@code `} */
    public String quoteString() {
        return quote;
    }

    /**
     * Quotes a name exactly as the database stores it (case included).
     *
     * @param name a table or column name
     * @return the quoted name
     * @throws UnsafeIdentifierException if the name is empty, longer than 128 characters, or holds
     *     the quote string, a NUL or another control character
     */
    public String quote(String name) {
        check(name);
        return quote + name + quote;
    }

    /**
     * @param name a table or column name
     * @throws UnsafeIdentifierException if it cannot be quoted safely
     */
    public void check(String name) {
        if (name == null || name.isEmpty() || name.length() > 128) {
            throw new UnsafeIdentifierException("the identifier " + describe(name) + " is empty or longer than 128"
                    + " characters; use the table or column name as the database stores it");
        }
        if (name.contains(quote)) {
            throw new UnsafeIdentifierException("the identifier " + describe(name) + " contains the quote character "
                    + quote + " and cannot be quoted safely; rename the table or column");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new UnsafeIdentifierException("the identifier " + describe(name) + " contains a control"
                        + " character at position " + i + " and cannot be quoted safely");
            }
        }
    }

    private static String describe(String name) {
        if (name == null) {
            return "(null)";
        }
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < Math.min(name.length(), 64); i++) {
            char c = name.charAt(i);
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.append(name.length() > 64 ? "...'" : "'").toString();
    }
}
