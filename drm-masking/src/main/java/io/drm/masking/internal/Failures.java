package io.drm.masking.internal;

import io.drm.DrmException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes failures for messages and audit details without the values they may quote. Database
 * errors quote the offending value ({@code Duplicate entry 'x' for key ...}, {@code invalid input
 * syntax for type integer: "x"}), so quoted text is replaced by {@code ?} and only the first line
 * is kept (PostgreSQL puts {@code Detail: Key (c)=(v)} on the next ones). Quoted table and column
 * names of the job may stay, as they say where the error is.
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
        return describe(failure, Set.of());
    }

    /**
     * @param failure any failure
     * @param identifiers table and column names that may stay when quoted (lower-cased)
     * @return its type, SQLState when it has one, and its first message line with quoted text that
     *     is not one of the identifiers redacted
     */
    public static String describe(Throwable failure, Set<String> identifiers) {
        SQLException sql = sqlCause(failure);
        if (sql != null) {
            return redact(firstLine(sql.getMessage()), identifiers)
                    + (sql.getSQLState() == null ? "" : " (SQLState " + sql.getSQLState() + ")");
        }
        return failure.getClass().getSimpleName() + ": " + redact(firstLine(failure.getMessage()), identifiers);
    }

    /**
     * @param failure any failure
     * @return a drm exception's message without its code prefix (drm writes no values into them),
     *     else {@link #describe(Throwable)}
     */
    public static String message(Throwable failure) {
        if (failure instanceof DrmException) {
            String m = failure.getMessage();
            String prefix = ((DrmException) failure).code() + ": ";
            return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
        }
        return describe(failure);
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

    static String redact(String text, Set<String> identifiers) {
        String out = replace(SINGLE_QUOTED.matcher(text), identifiers, "'?'");
        out = replace(DOUBLE_QUOTED.matcher(out), identifiers, "\"?\"");
        return PARENTHESISED_VALUES.matcher(out).replaceAll("=(?)");
    }

    private static String replace(Matcher m, Set<String> identifiers, String redacted) {
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String quoted = m.group();
            String inner = quoted.substring(1, quoted.length() - 1).toLowerCase(Locale.ROOT);
            m.appendReplacement(out, Matcher.quoteReplacement(identifiers.contains(inner) ? quoted : redacted));
        }
        m.appendTail(out);
        return out.toString();
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
