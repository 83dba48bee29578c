package io.drm.masking.internal;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Describes failures for messages and audit details without the values they may quote. Database
 * errors quote the offending value ({@code Duplicate entry 'x' for key ...}, {@code invalid input
 * syntax for type integer: "x"}), so quoted text is replaced by {@code ?} and only the first line
 * is kept (PostgreSQL puts {@code Detail: Key (c)=(v)} on the next ones).
 */
public final class Failures {

    private static final Pattern SINGLE_QUOTED = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern DOUBLE_QUOTED = Pattern.compile("\"[^\"]*\"");
    private static final Pattern PARENTHESISED_VALUES = Pattern.compile("=\\([^)]*\\)");

    private Failures() {
    }

    /**
     * @param failure any failure
     * @return its type, SQLState when it has one, and its first message line with quoted text redacted
     */
    public static String describe(Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql != null) {
            return redact(firstLine(sql.getMessage()))
                    + (sql.getSQLState() == null ? "" : " (SQLState " + sql.getSQLState() + ")");
        }
        Throwable root = failure;
        return root.getClass().getSimpleName() + ": " + redact(firstLine(root.getMessage()));
    }

    /**
     * @param failure a failure
     * @return the first {@link SQLException} of its cause chain, or {@code null}
     */
    public static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return (SQLException) t;
            }
        }
        return null;
    }

    static String redact(String text) {
        String out = SINGLE_QUOTED.matcher(text).replaceAll("'?'");
        out = DOUBLE_QUOTED.matcher(out).replaceAll("\"?\"");
        return PARENTHESISED_VALUES.matcher(out).replaceAll("=(?)");
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        for (String line : message.split("\\R")) {
            if (!line.isBlank()) {
                String s = line.strip();
                return s.length() > 300 ? s.substring(0, 300) + "..." : s;
            }
        }
        return "(no message)";
    }
}
