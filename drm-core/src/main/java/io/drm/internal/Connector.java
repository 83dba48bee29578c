package io.drm.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.drm.AuthenticationFailedException;
import io.drm.DatabaseUnavailableException;
import io.drm.DrmException;
import io.drm.LedgerException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where connections come from: the application's {@link DataSource}, or a HikariCP pool that drm
 * opens from a JDBC URL for one operation and closes afterwards. Also turns connection failures
 * into {@link DrmException}s without secrets.
 */
public final class Connector {

    private final DataSource dataSource;
    private final String url;
    private final String user;
    private final String password;

    private Connector(DataSource dataSource, String url, String user, String password) {
        this.dataSource = dataSource;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Uses the application's data source, which drm never closes.
     *
     * @param dataSource the data source
     * @return the connector
     */
    public static Connector of(DataSource dataSource) {
        return new Connector(Objects.requireNonNull(dataSource, "dataSource"), null, null, null);
    }

    /**
     * Opens a HikariCP pool per operation.
     *
     * @param url the JDBC URL
     * @param user the user, or {@code null}
     * @param password the password, or {@code null}
     * @return the connector
     */
    public static Connector jdbc(String url, String user, String password) {
        return new Connector(null, Objects.requireNonNull(url, "url"), user, password);
    }

    /**
     * Describes the target without secrets.
     *
     * @return the redacted URL and user, or "the configured data source"
     */
    public String describe() {
        return dataSource != null ? "the configured data source"
                : Redaction.url(url) + (user == null ? "" : " as user '" + user + "'");
    }

    /**
     * Opens a lease for one operation.
     *
     * @return a lease whose data source is valid until it is closed
     * @throws DatabaseUnavailableException if the database cannot be reached
     * @throws AuthenticationFailedException if it refuses the credentials
     */
    public Lease open() {
        if (dataSource != null) {
            return new Lease(dataSource);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("drm");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(0);
        config.setInitializationFailTimeout(1);
        config.setConnectionTimeout(30_000);
        try {
            return new Lease(new HikariDataSource(config));
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw translate(cause, "connect to");
        }
    }

    /**
     * Turns a failure to reach or use the database into a {@link DrmException}.
     *
     * @param failure the failure
     * @param doing what drm was doing, for the message ("connect to", "read the ledger of", ...)
     * @return the exception to throw
     */
    public DrmException translate(Throwable failure, String doing) {
        if (failure instanceof DrmException) {
            return (DrmException) failure;
        }
        String state = failure instanceof SQLException ? ((SQLException) failure).getSQLState() : null;
        String detail = Redaction.scrub(Redaction.url(String.valueOf(failure.getMessage())), password);
        if (state != null && state.startsWith("28")) {
            return new AuthenticationFailedException("the database refused the credentials when drm tried to "
                    + doing + " " + describe() + ": " + detail
                    + ". Check the user and password given to jdbc(url, user, password).");
        }
        if ((state != null && state.startsWith("08")) || hasNetworkCause(failure)) {
            return new DatabaseUnavailableException("cannot " + doing + " " + describe() + ": " + detail
                    + ". Check that the server is running and the host, port and database name are right.");
        }
        return new LedgerException("database error when drm tried to " + doing + " " + describe() + ": " + detail
                + (state == null ? "" : " (SQLState " + state + ")"), scrubbed(failure));
    }

    private Throwable scrubbed(Throwable failure) {
        return password == null || password.length() < 3 ? failure : null;
    }

    private static boolean hasNetworkCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A data source for one operation; closing it closes the pool drm opened, if any. */
    public final class Lease implements AutoCloseable {

        private final DataSource leased;
        private boolean closed;

        private Lease(DataSource leased) {
            this.leased = leased;
        }

        /**
         * Returns the data source.
         *
         * @return the data source
         */
        public DataSource dataSource() {
            return leased;
        }

        /**
         * Opens a connection.
         *
         * @param doing what the connection is for, for the message on failure
         * @return the connection
         */
        public Connection connection(String doing) {
            try {
                return leased.getConnection();
            } catch (SQLException | RuntimeException e) {
                throw translate(e, doing);
            }
        }

        @Override
        public void close() {
            if (!closed && leased instanceof HikariDataSource && leased != dataSource) {
                ((HikariDataSource) leased).close();
            }
            closed = true;
        }
    }
}
