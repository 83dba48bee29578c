package io.drm.internal.data;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Called before a data step changes the rows of a table, so that the release can record how to
 * reverse it (a safety snapshot of the table's rows, or nothing when the table was created earlier in
 * the same release).
 */
@FunctionalInterface
public interface RowChangeGuard {

    /**
     * Prepares the undo of the row changes to come.
     *
     * @param c the step's connection
     * @param version the step's version
     * @param table the table, as the artifact names it
     * @throws SQLException if the snapshot or the undo record cannot be written
     */
    void beforeRowChanges(Connection c, String version, String table) throws SQLException;
}
