package io.drm.masking.internal;

import io.drm.masking.MaskingException;
import io.drm.masking.MaskingJobException;
import io.drm.masking.TableReport;
import io.drm.masking.internal.SchemaReader.ColumnInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;

/**
 * Copies one table: streams the source rows with a fetch size (autocommit off, so PostgreSQL
 * uses a cursor), masks each batch and writes it to the target with the target's fastest
 * {@link TableWriter}, one commit per batch. Holds at most one batch of rows.
 */
final class TableCopy implements Callable<TableReport> {

    /** What every table of one copy shares. */
    record Context(DataSource source, DataSource target, Dialect targetDialect, SqlNames sourceNames,
            SqlNames targetNames, String jobId, JobSettings settings, int fetchSize, CopyControl control, Logger log) {
    }

    /** Thrown by a table that stopped because another one failed or the copy was interrupted. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private final Context cx;
    private final BoundTable table;
    private volatile long rowsCommitted;
    private volatile boolean started;
    private volatile boolean finished;
    private volatile Map<String, Long> counts;

    TableCopy(Context cx, BoundTable table) {
        this.cx = cx;
        this.table = table;
        this.counts = new RowMasker(table, 0).counts();
    }

    BoundTable table() {
        return table;
    }

    /** @return the rows committed to the target so far */
    long rowsCommitted() {
        return rowsCommitted;
    }

    boolean started() {
        return started;
    }

    boolean finished() {
        return finished;
    }

    /** @return what was committed so far, as a report */
    TableReport report() {
        return new TableReport(table.name(), rowsCommitted, counts, false);
    }

    @Override
    public TableReport call() {
        started = true;
        String phase = "connecting to";
        try (Connection src = cx.source().getConnection(); Connection dst = cx.target().getConnection()) {
            boolean srcAuto = src.getAutoCommit();
            boolean dstAuto = dst.getAutoCommit();
            try {
                phase = "reading";
                long total = count(src);
                src.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
                dst.setAutoCommit(false);
                ProgressTracker tracker = new ProgressTracker(cx.log(), "masked copy " + cx.jobId(), table.name(), total,
                        0, cx.settings());
                RowMasker masker = new RowMasker(table, 0);
                int batchSize = cx.settings().batchSize();
                int width = table.columns().size();
                ColumnValues.Reader[] readers = table.columns().stream().map(ColumnValues::reader)
                        .toArray(ColumnValues.Reader[]::new);
                Object[][] rows = new Object[batchSize][width];
                try (TableWriter writer = TableWriter.create(dst, cx.targetDialect(), table, cx.targetNames(), batchSize);
                        PreparedStatement ps = src.prepareStatement(select(), ResultSet.TYPE_FORWARD_ONLY,
                                ResultSet.CONCUR_READ_ONLY)) {
                    ps.setFetchSize(cx.fetchSize());
                    cx.log().info("masked copy {} - table {}: {} rows, written to {} with {}", cx.jobId(),
                            table.name(), total, table.targetName(), writer.method());
                    try (ResultSet rs = ps.executeQuery()) {
                        long window = 0;
                        boolean more = true;
                        while (more) {
                            checkStop();
                            phase = "reading";
                            int n = 0;
                            while (n < batchSize && rs.next()) {
                                Object[] row = rows[n++];
                                for (int i = 0; i < width; i++) {
                                    row[i] = readers[i].read(rs, i + 1);
                                }
                            }
                            more = n == batchSize;
                            if (n == 0) {
                                break;
                            }
                            phase = "masking";
                            masker.mask(rows, n, window++);
                            phase = "writing";
                            writer.write(rows, n);
                            dst.commit();
                            rowsCommitted += n;
                            counts = masker.counts();
                            tracker.advanced(rowsCommitted);
                        }
                    }
                }
                src.commit();
                finished = true;
                tracker.finished(rowsCommitted);
                return report();
            } catch (Stopped e) {
                rollback(dst, e);
                throw e;
            } catch (SQLException | RuntimeException e) {
                rollback(dst, e);
                throw failed(phase, e);
            } finally {
                restore(src, srcAuto);
                restore(dst, dstAuto);
            }
        } catch (SQLException e) {
            throw failed(phase, e);
        }
    }

    private void checkStop() {
        if (cx.control().stopped()) {
            throw new Stopped();
        }
        if (Thread.currentThread().isInterrupted()) {
            cx.control().stop();
            throw new MaskingJobException("masked copy " + cx.jobId() + " was interrupted on table " + table.name()
                    + " after " + rowsCommitted + " rows committed to the target");
        }
    }

    private MaskingJobException failed(String phase, Exception e) {
        if (e instanceof MaskingJobException && Failures.message(e).startsWith("masked copy " + cx.jobId())) {
            return (MaskingJobException) e; // already says where
        }
        String why = e instanceof MaskingException ? Failures.message(e) : Failures.describe(e, table.identifiers());
        String side = phase.equals("writing") ? " the target" : phase.equals("masking") ? "" : " the source";
        return new MaskingJobException("masked copy " + cx.jobId() + " failed on table " + table.name() + " while "
                + phase + side + ", after " + rowsCommitted + " rows committed to the target: " + why, e);
    }

    private long count(Connection src) throws SQLException {
        try (Statement st = src.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + cx.sourceNames().quote(table.name()))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** All columns; in key order when a window masker needs deterministic windows. */
    private String select() {
        SqlNames q = cx.sourceNames();
        String sql = "SELECT " + table.columns().stream().map(c -> q.quote(c.name())).collect(Collectors.joining(", "))
                + " FROM " + q.quote(table.name());
        if (table.windowed() && !table.key().isEmpty()) {
            sql += " ORDER BY " + table.key().stream().map(ColumnInfo::name).map(q::quote)
                    .collect(Collectors.joining(", "));
        }
        return sql;
    }

    private static void rollback(Connection c, Exception e) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException r) {
            e.addSuppressed(r);
        }
    }

    private static void restore(Connection c, boolean autoCommit) {
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
