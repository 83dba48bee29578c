package io.drm.masking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

/** Writes with one prepared {@code INSERT} executed as a JDBC batch per batch of rows (H2 and others). */
final class BatchInsertWriter implements TableWriter {

    private final BoundTable table;
    private final PreparedStatement insert;

    BatchInsertWriter(Connection target, BoundTable table, SqlNames names) throws SQLException {
        this.table = table;
        int n = table.columns().size();
        this.insert = target.prepareStatement(TableWriter.insertInto(table, names) + "("
                + String.join(", ", Collections.nCopies(n, "?")) + ")");
    }

    @Override
    public void write(Object[][] rows, int size) throws SQLException {
        int n = table.columns().size();
        for (int r = 0; r < size; r++) {
            Object[] row = rows[r];
            for (int i = 0; i < n; i++) {
                ColumnValues.bind(insert, i + 1, row[i], table.columns().get(i));
            }
            insert.addBatch();
        }
        insert.executeBatch();
    }

    @Override
    public String method() {
        return "JDBC batch INSERT";
    }

    @Override
    public void close() {
        TableWriter.closeQuietly(insert);
    }
}
