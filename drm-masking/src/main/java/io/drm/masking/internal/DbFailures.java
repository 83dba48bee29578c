package io.drm.masking.internal;

import io.drm.AuthenticationFailedException;
import io.drm.DatabaseUnavailableException;
import io.drm.DrmException;
import io.drm.masking.MaskingJobException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Turns JDBC failures into drm's exceptions, without the database's text where it may quote values. */
public final class DbFailures {

    private DbFailures() {
    }

    /**
     * Opens a connection.
     *
     * @param dataSource the data source
     * @param purpose what the connection is for, for the message ("to classify columns")
     * @return the connection
     * @throws AuthenticationFailedException if the database refused the credentials (SQLState 28xxx)
     * @throws DatabaseUnavailableException if the database cannot be reached
     */
    public static Connection connect(DataSource dataSource, String purpose) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("28")) {
                throw new AuthenticationFailedException("the database refused the credentials of the data source "
                        + purpose + " (SQLState " + state + "); check the user and password", e);
            }
            throw new DatabaseUnavailableException("cannot connect to the database " + purpose + ": "
                    + firstLine(e.getMessage()) + state(e) + "; check that it runs and is reachable", e);
        }
    }

    /**
     * A failure to read metadata: the database's message is kept (metadata holds names, not values).
     *
     * @param doing what drm was doing ("reading the schema to validate masking rules")
     * @param e the failure
     * @return the exception to throw
     */
    public static DrmException metadata(String doing, SQLException e) {
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return new DatabaseUnavailableException("lost the database while " + doing + ": "
                    + firstLine(e.getMessage()) + state(e), e);
        }
        return new MaskingJobException("failed while " + doing + ": " + firstLine(e.getMessage()) + state(e)
                + "; check that the user may read the schema's metadata", e);
    }

    /**
     * A failure to read rows: the database's message is left out, since it may quote a value.
     *
     * @param doing what drm was doing ("sampling table customer")
     * @param e the failure
     * @return the exception to throw (with no cause, whose message might quote a value)
     */
    public static DrmException rows(String doing, SQLException e) {
        String detail = "SQLState " + (e.getSQLState() == null ? "unknown" : e.getSQLState()) + ", vendor code "
                + e.getErrorCode() + "; the database's message is left out as it may quote a value";
        if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            return new DatabaseUnavailableException("lost the database while " + doing + " (" + detail + ")");
        }
        return new MaskingJobException("the database refused a query while " + doing + " (" + detail
                + "); check that the user may SELECT from the table");
    }

    private static String state(SQLException e) {
        return e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")";
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        String line = message.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).strip();
    }

    /**
     * Puts a pooled connection back in the auto-commit mode it had, rolling back what a failed job
     * left uncommitted; failures are ignored (the pool resets or discards the connection).
     *
     * @param c the connection
     * @param autoCommit the mode it had
     */
    public static void restoreAutoCommit(Connection c, boolean autoCommit) {
        try {
            if (c.getAutoCommit() != autoCommit) {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException ignored) {
            // the pool resets or discards the connection
        }
    }
}
