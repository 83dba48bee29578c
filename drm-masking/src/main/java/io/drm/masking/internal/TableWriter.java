package io.drm.masking.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

/**
 * Writes batches of rows into one target table, on a connection whose transaction the caller
 * commits after each batch. One per table; not thread-safe.
 */
public interface TableWriter extends AutoCloseable {

    /**
     * Writes rows {@code 0 .. size-1}.
     *
     * @param rows the rows, values in {@link BoundTable#targetColumns()} order
     * @param size how many rows to write
     * @throws SQLException if the database refuses them
     */
    void write(Object[][] rows, int size) throws SQLException;

    /** @return how this writer writes, for log lines ({@code COPY}, {@code multi-row INSERT}, ...) */
    String method();

    /** Releases statements; safe to call twice. */
    @Override
    void close();

    /**
     * Picks the fastest writer the target supports: PostgreSQL's COPY when the driver is on the
     * class path, multi-row INSERTs on MySQL and MariaDB, JDBC batches elsewhere.
     *
     * @param target the target connection (autocommit off)
     * @param dialect its dialect
     * @param table the table
     * @param names the target's quoting
     * @param batchSize the rows per batch
     * @return the writer
     * @throws SQLException if the target cannot be asked for its limits
     */
    static TableWriter create(Connection target, Dialect dialect, BoundTable table, SqlNames names, int batchSize)
            throws SQLException {
        if (dialect == Dialect.POSTGRESQL && PgCopyWriter.Support.usable(target)) {
            return new PgCopyWriter(target, table, names);
        }
        if (dialect == Dialect.MYSQL) {
            return new MultiRowInsertWriter(target, table, names, batchSize, MultiRowInsertWriter.maxPacket(target));
        }
        return new BatchInsertWriter(target, table, names);
    }

    /**
     * @param table the table
     * @param names the target's quoting
     * @return {@code INSERT INTO t (c1, c2, ...) VALUES} without the values
     */
    static String insertInto(BoundTable table, SqlNames names) {
        return "INSERT INTO " + names.quote(table.targetName()) + " ("
                + table.targetColumns().stream().map(names::quote).collect(Collectors.joining(", ")) + ") VALUES ";
    }

    /**
     * Closes a statement quietly.
     *
     * @param statement the statement or {@code null}
     */
    static void closeQuietly(Statement statement) {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection is closed next
            }
        }
    }
}
