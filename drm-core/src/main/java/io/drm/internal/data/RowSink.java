package io.drm.internal.data;

import java.sql.SQLException;
import java.sql.Statement;

/** Where converted rows go: batched inserts, {@code COPY}, or upserts. */
abstract class RowSink implements AutoCloseable {

    long inserted;
    long updated;
    long firstRow = 1;

    abstract void add(Object[] row, long rowNumber) throws SQLException;

    abstract void flush() throws SQLException;

    long inserted() {
        return inserted;
    }

    long updated() {
        return updated;
    }

    long firstRow() {
        return firstRow;
    }

    @Override
    public abstract void close() throws SQLException;

    /**
     * Sums a batch's update counts; a driver that reports {@link Statement#SUCCESS_NO_INFO} for a
     * statement counts it as one row (used only where each statement touches exactly one row).
     */
    static long sum(int[] counts, int statements) {
        long n = 0;
        for (int c : counts) {
            n += c == Statement.SUCCESS_NO_INFO ? 1 : Math.max(c, 0);
        }
        return counts.length == 0 ? statements : n;
    }
}
