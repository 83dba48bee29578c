package io.drm.masking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes MySQL and MariaDB batches as multi-row {@code INSERT ... VALUES (...), (...), ...}
 * statements (Connector/J 3.x no longer rewrites JDBC batches into them), each kept under the
 * server's {@code max_allowed_packet} (by a conservative size estimate) and under 65,535
 * parameters.
 */
final class MultiRowInsertWriter implements TableWriter {

    /** The most placeholders one prepared statement may have. */
    static final int MAX_PARAMETERS = 65_535;

    private final Connection target;
    private final BoundTable table;
    private final String prefix;
    private final String rowPlaceholders;
    private final int columns;
    private final int rowsPerStatement;
    private final long budget;
    private PreparedStatement full;

    MultiRowInsertWriter(Connection target, BoundTable table, SqlNames names, int batchSize, long maxPacket) {
        this.target = target;
        this.table = table;
        this.prefix = TableWriter.insertInto(table, names);
        this.columns = table.columns().size();
        StringBuilder p = new StringBuilder("(");
        for (int i = 0; i < columns; i++) {
            p.append(i == 0 ? "?" : ", ?");
        }
        this.rowPlaceholders = p.append(')').toString();
        this.rowsPerStatement = Math.max(1, Math.min(batchSize, MAX_PARAMETERS / Math.max(1, columns)));
        // Half the packet, less the statement text: escaping can double a value's bytes.
        this.budget = Math.max(16 * 1024, maxPacket / 2 - prefix.length() - 1024);
    }

    /**
     * @param target a MySQL or MariaDB connection
     * @return the server's {@code max_allowed_packet}; 4 MiB (the smallest default) if it cannot be read
     */
    static long maxPacket(Connection target) {
        try (Statement st = target.createStatement(); ResultSet rs = st.executeQuery("SELECT @@max_allowed_packet")) {
            return rs.next() ? rs.getLong(1) : 4L << 20;
        } catch (SQLException e) {
            return 4L << 20;
        }
    }

    @Override
    public void write(Object[][] rows, int size) throws SQLException {
        int start = 0;
        while (start < size) {
            int end = start;
            long bytes = 0;
            while (end < size && end - start < rowsPerStatement) {
                long estimate = estimate(rows[end]);
                if (end > start && bytes + estimate > budget) {
                    break;
                }
                bytes += estimate;
                end++;
            }
            execute(rows, start, end);
            start = end;
        }
    }

    private void execute(Object[][] rows, int start, int end) throws SQLException {
        int count = end - start;
        PreparedStatement ps;
        boolean reuse = count == rowsPerStatement;
        if (reuse) {
            if (full == null) {
                full = target.prepareStatement(sql(count));
            }
            ps = full;
        } else {
            ps = target.prepareStatement(sql(count));
        }
        try {
            int p = 1;
            for (int r = start; r < end; r++) {
                Object[] row = rows[r];
                for (int i = 0; i < columns; i++) {
                    ColumnValues.bind(ps, p++, row[i], table.columns().get(i));
                }
            }
            ps.executeUpdate();
        } finally {
            if (!reuse) {
                TableWriter.closeQuietly(ps);
            }
        }
    }

    private String sql(int rows) {
        StringBuilder sql = new StringBuilder(prefix.length() + rows * (rowPlaceholders.length() + 2));
        sql.append(prefix);
        for (int r = 0; r < rows; r++) {
            if (r > 0) {
                sql.append(", ");
            }
            sql.append(rowPlaceholders);
        }
        return sql.toString();
    }

    /** An upper bound of a row's bytes in the statement: quotes, escapes, UTF-8, separators. */
    static long estimate(Object[] row) {
        long bytes = 4;
        for (Object v : row) {
            if (v == null) {
                bytes += 6;
            } else if (v instanceof String) {
                bytes += 3L * ((String) v).length() + 4;
            } else if (v instanceof byte[]) {
                bytes += 2L * ((byte[]) v).length + 12;
            } else {
                bytes += 40;
            }
        }
        return bytes;
    }

    /** @return the most rows one statement carries */
    int rowsPerStatement() {
        return rowsPerStatement;
    }

    @Override
    public String method() {
        return "multi-row INSERT";
    }

    @Override
    public void close() {
        TableWriter.closeQuietly(full);
        full = null;
    }
}
