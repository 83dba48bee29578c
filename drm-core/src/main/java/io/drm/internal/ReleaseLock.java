package io.drm.internal;

import io.drm.LockTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The release lock of one database (PostgreSQL: schema; MySQL/MariaDB: database): a PostgreSQL
 * advisory lock, a MySQL/MariaDB {@code GET_LOCK}, or elsewhere (H2) a row lock on {@code DRM.drm_lock},
 * one row a schema. It is
 * held on a dedicated connection for the whole release and released by {@link #close()}.
 */
public final class ReleaseLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseLock.class);
    private static final long POLL_MILLIS = 50;
    private static final String LOCK_SCHEMA = "DRM";
    private static final String LOCK_TABLE = LOCK_SCHEMA + ".drm_lock";

    private final Connection connection;
    private final DatabaseKind kind;
    private final String key;
    private final int restoreLockTimeout;
    private boolean released;

    private ReleaseLock(Connection connection, DatabaseKind kind, String key, int restoreLockTimeout) {
        this.connection = connection;
        this.kind = kind;
        this.key = key;
        this.restoreLockTimeout = restoreLockTimeout;
    }

    /**
     * Takes the lock, waiting up to the timeout.
     *
     * @param connection a connection dedicated to the lock; closed when the lock is released or
     *     could not be taken
     * @param kind the database kind
     * @param timeout how long to wait
     * @param holder who takes it, recorded where the database allows
     * @return the held lock
     * @throws LockTimeoutException if another release held it for the whole timeout
     * @throws SQLException if the database fails
     */
    public static ReleaseLock acquire(Connection connection, DatabaseKind kind, Duration timeout, String holder)
            throws SQLException {
        return acquire(connection, kind, timeout, holder, Clock.systemUTC());
    }

    /**
     * As {@link #acquire(Connection, DatabaseKind, Duration, String)}, with the time the lock row
     * records ({@code acquired_at}) from the release's injected clock.
     *
     * @param connection a connection dedicated to the lock; closed when the lock is released or
     *     could not be taken
     * @param kind the database kind
     * @param timeout how long to wait
     * @param holder who takes it, recorded where the database allows
     * @param clock the clock for the recorded lock time
     * @return the held lock
     * @throws LockTimeoutException if another release held it for the whole timeout
     * @throws SQLException if the database fails
     */
    public static ReleaseLock acquire(Connection connection, DatabaseKind kind, Duration timeout, String holder,
            Clock clock) throws SQLException {
        return acquire(connection, kind, timeout, holder, clock, "release");
    }

    /**
     * Takes a named lock of the same scope: {@code release} is the release lock; {@code canary}
     * the lock a canary holds over its window, so that the next canary knows a canary recorded as
     * running whose lock is free was interrupted.
     *
     * @param connection a connection dedicated to the lock; closed when the lock is released or
     *     could not be taken
     * @param kind the database kind
     * @param timeout how long to wait
     * @param holder who takes it, recorded where the database allows
     * @param clock the clock for the recorded lock time
     * @param name {@code release} or another lock name
     * @return the held lock
     * @throws LockTimeoutException if another holder held it for the whole timeout
     * @throws SQLException if the database fails
     */
    public static ReleaseLock acquire(Connection connection, DatabaseKind kind, Duration timeout, String holder,
            Clock clock, String name) throws SQLException {
        boolean done = false;
        int restoreLockTimeout = -1;
        try {
            connection.setAutoCommit(true);
            String scope = scope(connection, kind) + ("release".equals(name) ? "" : "#" + name);
            String key = kind == DatabaseKind.MYSQL ? "drm:" + Hashing.sha256Hex(scope).substring(0, 40) : scope;
            long deadline = System.nanoTime() + timeout.toNanos();
            long started = System.nanoTime();
            if (kind != DatabaseKind.POSTGRESQL && kind != DatabaseKind.MYSQL) {
                restoreLockTimeout = prepareLockTable(connection, kind, scope);
                connection.setAutoCommit(false);
            }
            boolean waitingLogged = false;
            while (true) {
                if (tryLock(connection, kind, key, holder, clock)) {
                    done = true;
                    LOG.debug("release lock taken on {} after {} ms", scope,
                            Duration.ofNanos(System.nanoTime() - started).toMillis());
                    return new ReleaseLock(connection, kind, key, restoreLockTimeout);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new LockTimeoutException("another " + name + " holds the " + name + " lock of "
                            + kind.label() + " '" + scope + "' and did not release it within " + timeout.toMillis()
                            + " ms. Wait for it to finish and retry, or raise lockTimeout(...) if it takes longer.");
                }
                if (!waitingLogged) {
                    LOG.info("waiting for the release lock of {} '{}' (held by another release)", kind.label(), scope);
                    waitingLogged = true;
                }
                sleep(Math.min(POLL_MILLIS, Math.max(1, left / 1_000_000)));
            }
        } finally {
            if (!done) {
                closeQuietly(connection, restoreLockTimeout);
            }
        }
    }

    private static String scope(Connection connection, DatabaseKind kind) throws SQLException {
        String sql = switch (kind) {
            case POSTGRESQL -> "SELECT current_schema()";
            case MYSQL -> "SELECT DATABASE()";
            default -> null;
        };
        if (sql == null) {
            String schema = connection.getSchema();
            return schema == null ? "default" : schema;
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            String scope = rs.getString(1);
            return scope == null ? "default" : scope;
        }
    }

    /**
     * Creates the lock table and the scope's row if needed; on H2 shortens the lock wait, returning
     * the old one. The table lives in its own schema {@code DRM}, so that the application's schema
     * stays empty for Flyway until Flyway has created its history table.
     */
    private static int prepareLockTable(Connection connection, DatabaseKind kind, String scope) throws SQLException {
        // Concurrent first releases race to create the table; H2 may then report "object already
        // exists" despite IF NOT EXISTS, so retry a few times.
        for (int attempt = 1; ; attempt++) {
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE SCHEMA IF NOT EXISTS " + LOCK_SCHEMA);
                st.execute("CREATE TABLE IF NOT EXISTS " + LOCK_TABLE + " (scope VARCHAR(200) NOT NULL PRIMARY KEY,"
                        + " holder VARCHAR(200), acquired_at " + kind.timestampType() + ")");
                break;
            } catch (SQLException e) {
                if (attempt >= 5) {
                    throw e;
                }
                sleep(10L * attempt);
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + LOCK_TABLE + " (scope) VALUES (?)")) {
            ps.setString(1, scope);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw e;
            }
        }
        if (kind != DatabaseKind.H2) {
            return -1;
        }
        int old;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("CALL LOCK_TIMEOUT()")) {
            rs.next();
            old = rs.getInt(1);
        }
        try (Statement st = connection.createStatement()) {
            st.execute("SET LOCK_TIMEOUT " + POLL_MILLIS);
        }
        return old;
    }

    private static boolean tryLock(Connection connection, DatabaseKind kind, String key, String holder,
            Clock clock) throws SQLException {
        switch (kind) {
            case POSTGRESQL -> {
                try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    ps.setLong(1, advisoryKey(key));
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() && rs.getBoolean(1);
                    }
                }
            }
            case MYSQL -> {
                try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() && rs.getInt(1) == 1;
                    }
                }
            }
            default -> {
                try (PreparedStatement ps = connection.prepareStatement(
                        "UPDATE " + LOCK_TABLE + " SET holder = ?, acquired_at = ? WHERE scope = ?")) {
                    ps.setString(1, holder.length() > 200 ? holder.substring(0, 200) : holder);
                    ps.setTimestamp(2, Timestamp.from(clock.instant()));
                    ps.setString(3, key);
                    return ps.executeUpdate() == 1;
                } catch (SQLException e) {
                    if (isLockWait(e)) {
                        return false;
                    }
                    throw e;
                }
            }
        }
    }

    private static boolean isLockWait(SQLException e) {
        // H2: 50200 lock timeout, 40001 deadlock; generic: 40xxx serialization failures, HYT00 timeout.
        String state = e.getSQLState();
        return e.getErrorCode() == 50200 || (state != null && (state.startsWith("40") || state.equals("HYT00")));
    }

    private static long advisoryKey(String scope) {
        return ByteBuffer.wrap(Hashing.sha256().digest(("drm.release:" + scope).getBytes(
                StandardCharsets.UTF_8))).getLong();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockTimeoutException("interrupted while waiting for the release lock", e);
        }
    }

    /** Releases the lock and closes its connection. Safe to call twice. */
    @Override
    public void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            switch (kind) {
                case POSTGRESQL -> {
                    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                        ps.setLong(1, advisoryKey(key));
                        ps.execute();
                    }
                }
                case MYSQL -> {
                    try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                        ps.setString(1, key);
                        ps.execute();
                    }
                }
                default -> connection.commit();
            }
        } catch (SQLException e) {
            LOG.warn("could not release the release lock cleanly ({}); closing its connection", e.getMessage());
            abort(connection);
        } finally {
            closeQuietly(connection, restoreLockTimeout);
        }
    }

    private static void abort(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException ignored) {
            // the connection is closed below anyway
        }
    }

    private static void closeQuietly(Connection connection, int restoreLockTimeout) {
        try {
            if (!connection.isClosed()) {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                if (restoreLockTimeout >= 0) {
                    try (Statement st = connection.createStatement()) {
                        st.execute("SET LOCK_TIMEOUT " + restoreLockTimeout);
                    }
                }
            }
        } catch (SQLException ignored) {
            // closing is all that is left
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }
}
