package io.drm.internal.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Inserts every row, in JDBC batches. */
final class InsertSink extends RowSink {

    private final PreparedStatement ps;
    private final Binder binder;
    private int pending;

    InsertSink(Connection c, Binder binder) throws SQLException {
        this.binder = binder;
        this.ps = c.prepareStatement(binder.insert());
    }

    @Override
    void add(Object[] row, long rowNumber) throws SQLException {
        if (pending == 0) {
            firstRow = rowNumber;
        }
        binder.bindAll(ps, 1, row);
        ps.addBatch();
        if (++pending == ArtifactLoader.BATCH) {
            flush();
        }
    }

    @Override
    void flush() throws SQLException {
        if (pending > 0) {
            ps.executeBatch();
            inserted += pending;
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        ps.close();
    }
}
