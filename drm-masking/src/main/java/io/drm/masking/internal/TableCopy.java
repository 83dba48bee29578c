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
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;

/**
 * Copies one table: streams the source rows with a fetch size (autocommit off, so PostgreSQL
 * uses a cursor), masks each batch and writes it to the target with the target's fastest
 * {@link TableWriter}, one commit per batch. Reading, masking and writing run on three threads
 * that hand batches over through a {@link CopyPipeline}, which bounds the rows held to
 * {@link CopyPipeline#BATCHES} batches.
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
    // Busy time of each stage, for the DEBUG line that says which stage bounds the table's rate.
    private volatile long readNanos;
    private volatile long maskNanos;
    private volatile long writeNanos;
    private volatile long commitNanos;

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
                int batchSize = cx.settings().batchSize();
                try (TableWriter writer = TableWriter.create(dst, cx.targetDialect(), table, cx.targetNames(), batchSize);
                        PreparedStatement ps = src.prepareStatement(select(), ResultSet.TYPE_FORWARD_ONLY,
                                ResultSet.CONCUR_READ_ONLY)) {
                    ps.setFetchSize(cx.fetchSize());
                    cx.log().info("masked copy {} - table {}: {} rows, written to {} with {}", cx.jobId(),
                            table.name(), total, table.targetName(), writer.method());
                    ProgressTracker tracker = new ProgressTracker(cx.log(), "masked copy " + cx.jobId(), table.name(),
                            total, 0, cx.settings());
                    try (ResultSet rs = ps.executeQuery()) {
                        phase = "writing";
                        copy(rs, writer, dst, tracker);
                    }
                    if (parentsFirst() && rowsCommitted < total) {
                        throw new MaskingJobException("masked copy " + cx.jobId() + " failed on table " + table.name()
                                + ": " + (total - rowsCommitted) + " of its " + total + " rows cannot be reached from a"
                                + " row whose " + String.join(", ", table.info().selfReferences().get(0).columns())
                                + " is null (a cycle of references, or a reference to a missing row), so they cannot"
                                + " be inserted while the table's foreign key to itself is checked; the " + rowsCommitted
                                + " others were committed. Drop that foreign key in the target for the copy (and add it"
                                + " back after), or leave the table out with tables(...).");
                    }
                    src.commit();
                    finished = true;
                    tracker.finished(rowsCommitted);
                    if (cx.log().isDebugEnabled()) {
                        cx.log().debug("masked copy {} - table {}: busy reading {} ms, masking {} ms, writing {} ms,"
                                + " committing {} ms", cx.jobId(), table.name(), readNanos / 1_000_000,
                                maskNanos / 1_000_000, writeNanos / 1_000_000, commitNanos / 1_000_000);
                    }
                }
                return report();
            } catch (Stopped e) {
                rollback(dst, e);
                throw e;
            } catch (StageFailure e) {
                rollback(dst, e);
                throw failed(e.phase, e.cause);
            } catch (SQLException | RuntimeException e) {
                rollback(dst, e);
                throw failed(phase, e);
            } finally {
                DbFailures.restoreAutoCommit(src, srcAuto);
                DbFailures.restoreAutoCommit(dst, dstAuto);
            }
        } catch (SQLException e) {
            throw failed(phase, e);
        }
    }

    /**
     * Runs the table's pipeline: a reader thread fills batches from the result set, a masker thread
     * (when the table has rules) masks them, and this thread writes and commits them, so the three
     * overlap. Every thread it starts has ended when it returns or throws.
     */
    private void copy(ResultSet rs, TableWriter writer, Connection dst, ProgressTracker tracker) throws SQLException {
        int width = table.columns().size();
        CopyPipeline pipeline = new CopyPipeline(cx.settings().batchSize(), width, cx.control());
        RowMasker masker = new RowMasker(table, 0);
        long[] committed = new long[width];
        boolean masked = table.masked();
        Thread reader = start("read", () -> read(rs, pipeline, masked ? pipeline.toMask : pipeline.toWrite));
        Thread maskerThread = masked ? start("mask", () -> mask(masker, pipeline)) : null;
        try {
            while (true) {
                CopyPipeline.Batch batch;
                try {
                    batch = pipeline.take(pipeline.toWrite);
                } catch (CopyPipeline.Halted h) {
                    throw halted(pipeline);
                }
                if (batch == CopyPipeline.END) {
                    return;
                }
                if (batch == CopyPipeline.FAILED) {
                    throw halted(pipeline);
                }
                long t0 = System.nanoTime();
                writer.write(batch.rows, batch.size);
                long t1 = System.nanoTime();
                dst.commit();
                long t2 = System.nanoTime();
                writeNanos += t1 - t0;
                commitNanos += t2 - t1;
                rowsCommitted += batch.size;
                if (batch.counts != null) {
                    for (int i = 0; i < width; i++) {
                        committed[i] += batch.counts[i];
                    }
                    counts = masker.counts(committed);
                }
                tracker.advanced(rowsCommitted);
                batch.counts = null;
                pipeline.free.add(batch);
            }
        } catch (SQLException | RuntimeException e) {
            pipeline.fail("writing", e);
            throw e;
        } finally {
            pipeline.halt();
            join(reader);
            join(maskerThread);
        }
    }

    /** Reader stage: fills free batches from the result set, then hands over {@link CopyPipeline#END}. */
    private void read(ResultSet rs, CopyPipeline pipeline, BlockingQueue<CopyPipeline.Batch> next) {
        int width = table.columns().size();
        ColumnValues.Reader[] readers = table.columns().stream().map(ColumnValues::reader)
                .toArray(ColumnValues.Reader[]::new);
        try {
            long index = 0;
            while (true) {
                CopyPipeline.Batch batch = pipeline.take(pipeline.free);
                int n = 0;
                int capacity = batch.rows.length;
                long t0 = System.nanoTime();
                while (n < capacity && rs.next()) {
                    Object[] row = batch.rows[n++];
                    for (int i = 0; i < width; i++) {
                        row[i] = readers[i].read(rs, i + 1);
                    }
                }
                readNanos += System.nanoTime() - t0;
                if (n == 0) {
                    pipeline.put(next, CopyPipeline.END);
                    return;
                }
                batch.size = n;
                batch.index = index++;
                pipeline.put(next, batch);
                if (n < capacity) {
                    pipeline.put(next, CopyPipeline.END);
                    return;
                }
            }
        } catch (CopyPipeline.Halted h) {
            // another stage failed, or the copy stopped: the writer reports it
        } catch (SQLException | RuntimeException | Error e) {
            pipeline.failUpstream("reading", e, next);
        }
    }

    /** Masker stage: masks each batch in place and records its counts. */
    private void mask(RowMasker masker, CopyPipeline pipeline) {
        try {
            while (true) {
                CopyPipeline.Batch batch = pipeline.take(pipeline.toMask);
                if (batch == CopyPipeline.END || batch == CopyPipeline.FAILED) {
                    pipeline.put(pipeline.toWrite, batch);
                    return;
                }
                long t0 = System.nanoTime();
                batch.counts = masker.mask(batch.rows, batch.size, batch.index);
                maskNanos += System.nanoTime() - t0;
                pipeline.put(pipeline.toWrite, batch);
            }
        } catch (CopyPipeline.Halted h) {
            // another stage failed, or the copy stopped: the writer reports it
        } catch (RuntimeException | Error e) {
            pipeline.failUpstream("masking", e, pipeline.toWrite);
        }
    }

    /** What the writer throws when the pipeline halted under it. */
    private RuntimeException halted(CopyPipeline pipeline) {
        CopyPipeline.Failure f = pipeline.failure();
        if (f != null) {
            return new StageFailure(f.phase(), f.cause());
        }
        if (Thread.currentThread().isInterrupted() || !cx.control().stopped()) {
            cx.control().stop();
            return new MaskingJobException("masked copy " + cx.jobId() + " was interrupted on table " + table.name()
                    + " after " + rowsCommitted + " rows committed to the target");
        }
        return new Stopped();
    }

    private Thread start(String stage, Runnable body) {
        Thread t = new Thread(body, "drm-masked-copy-" + cx.jobId() + "-" + table.name() + "-" + stage);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(Thread t) {
        if (t == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the stage ends at its next hand-over; wait for it
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A reader or masker stage failed; the writer rethrows it with the stage's phase. */
    private static final class StageFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String phase;
        private final transient Exception cause;

        StageFailure(String phase, Throwable cause) {
            super(null, null, false, false);
            this.phase = phase;
            this.cause = cause instanceof Exception ? (Exception) cause : new RuntimeException(cause);
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

    /**
     * All columns; in key order when a window masker needs deterministic windows; and, for a table
     * with one foreign key to itself, parents first (see {@link #parentsFirst}).
     */
    private String select() {
        SqlNames q = cx.sourceNames();
        String columns = qualified(q, "t", table.columns().stream().map(ColumnInfo::name).collect(Collectors.toList()));
        String key = qualified(q, "t", table.key().stream().map(ColumnInfo::name).collect(Collectors.toList()));
        boolean byKey = table.windowed() && !key.isEmpty();
        if (parentsFirst()) {
            return tree(q) + "SELECT " + columns + " FROM " + q.quote(table.name()) + " t JOIN drm_tree d ON "
                    + pairs(q, "t", table.info().selfReferences().get(0).referenced(), "d")
                    + " ORDER BY d.drm_depth" + (byKey ? ", " + key : "");
        }
        return "SELECT " + columns + " FROM " + q.quote(table.name()) + " t" + (byKey ? " ORDER BY " + key : "");
    }

    /**
     * Whether the table is read parents first: the target table has a foreign key to itself, so
     * that a row may only be inserted after the row it references, and the source exactly one.
     * Rows are then read by their depth in the tree of that key, from the rows whose key is null;
     * with two or more such keys the depth is not a tree's, and the table is read in the source's
     * order.
     */
    boolean parentsFirst() {
        return table.targetReferencesItself() && table.info().selfReferences().size() == 1;
    }

    /**
     * {@code WITH RECURSIVE drm_tree (drm_k1 .., drm_depth)}: every row reachable from a root (a row
     * with a null referencing column), by the referenced columns, with its depth.
     */
    private String tree(SqlNames q) {
        SchemaReader.SelfReference ref = table.info().selfReferences().get(0);
        String name = q.quote(table.name());
        StringBuilder k = new StringBuilder();
        for (int i = 0; i < ref.referenced().size(); i++) {
            k.append("drm_k").append(i + 1).append(", ");
        }
        String roots = ref.columns().stream().map(c -> "r." + q.quote(c) + " IS NULL").collect(Collectors.joining(" OR "));
        return "WITH RECURSIVE drm_tree (" + k + "drm_depth) AS (SELECT " + qualified(q, "r", ref.referenced())
                + ", 0 FROM " + name + " r WHERE " + roots + " UNION ALL SELECT " + qualified(q, "c", ref.referenced())
                + ", p.drm_depth + 1 FROM " + name + " c JOIN drm_tree p ON " + pairs(q, "c", ref.columns(), "p")
                + ") ";
    }

    /** {@code a.x1, a.x2, ...}, quoted. */
    private static String qualified(SqlNames q, String alias, List<String> columns) {
        return columns.stream().map(c -> alias + "." + q.quote(c)).collect(Collectors.joining(", "));
    }

    /** {@code a.x1 = b.drm_k1 AND a.x2 = b.drm_k2 ...}. */
    private static String pairs(SqlNames q, String a, List<String> columns, String b) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            out.append(i > 0 ? " AND " : "").append(a).append('.').append(q.quote(columns.get(i))).append(" = ")
                    .append(b).append(".drm_k").append(i + 1);
        }
        return out.toString();
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
}
