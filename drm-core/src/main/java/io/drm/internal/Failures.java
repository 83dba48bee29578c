package io.drm.internal;

import java.sql.SQLException;

/** Helpers to describe failures briefly. */
public final class Failures {

    private Failures() {
    }

    /**
     * Finds the first {@link SQLException} in a cause chain.
     *
     * @param failure the failure
     * @return the SQL exception, or {@code null}
     */
    public static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return (SQLException) t;
            }
        }
        return null;
    }

    /**
     * Returns the first non-blank line of a message.
     *
     * @param message the message, or {@code null}
     * @return the line, or {@code "(no message)"}
     */
    public static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        for (String line : message.split("\\R")) {
            if (!line.isBlank() && !line.strip().matches("-+")) {
                return line.strip();
            }
        }
        return message.strip();
    }

    /**
     * Describes a database error: its message and SQLState.
     *
     * @param failure the failure
     * @return the description
     */
    public static String databaseError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.drm.DrmException) {
                String m = t.getMessage(); // a coded failure of drm's own step (a data artifact), with its code
                return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
            }
        }
        SQLException sql = sqlCause(failure);
        if (sql == null) {
            return firstLine(failure.getMessage());
        }
        return firstLine(sql.getMessage()) + (sql.getSQLState() == null ? "" : " (SQLState " + sql.getSQLState() + ")");
    }
}
