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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;

/**
 * One table of an in-place job: walks it in key order after the last committed key, one
 * transaction per batch that also updates the job's progress row (see {@link InPlaceEngine}).
 */
final class InPlaceTable {

    /** What every table of a job shares. */
    record Context(DataSource dataSource, String jobId, JobSettings settings, ProgressStore store, SqlNames names,
            Dialect dialect, Logger log) {
    }

    private final Context cx;
    private final BoundTable table;
    private final RowMasker masker;
    private final int keySize;
    private final int width;
    private long rowsThisRun;
    private long rowsCommitted;
    private boolean resumed;
    private Map<String, Long> committedCounts = Map.of();

    InPlaceTable(Context cx, BoundTable table) {
        this.cx = cx;
        this.table = table;
        this.keySize = table.key().size();
        this.width = keySize + table.columns().size();
        this.masker = new RowMasker(table, keySize);
        this.committedCounts = masker.counts();
    }

    TableReport partialReport() {
        return new TableReport(table.name(), rowsThisRun, committedCounts, resumed);
    }

    TableReport run() {
        String name = table.name();
        try (Connection c = cx.dataSource().getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            try {
                return run(c);
            } catch (SQLException | RuntimeException e) {
                throw failed(c, e);
            } finally {
                DbFailures.restoreAutoCommit(c, autoCommit);
            }
        } catch (SQLException e) {
            throw new MaskingJobException("masking job " + cx.jobId() + " could not connect to mask table " + name
                    + ": " + Failures.describe(e) + ". " + resumeHint(), e);
        }
    }

    private TableReport run(Connection c) throws SQLException {
        String name = table.name();
        c.setAutoCommit(true);
        resumed = !insertProgressRow(c);
        ProgressStore.Row initial = cx.store().read(c, cx.jobId(), name, false).orElseThrow();
        rowsCommitted = initial.rowsDone();
        if (initial.done()) {
            cx.log().info("masking job {} - table {} was finished by an earlier run ({} rows); skipped",
                    cx.jobId(), name, initial.rowsDone());
            return new TableReport(name, 0, committedCounts, true);
        }
        if (resumed) {
            cx.log().info("masking job {} - table {} resumes after {} rows an earlier run committed", cx.jobId(),
                    name, initial.rowsDone());
        }
        long total = count(c);
        ProgressTracker tracker = new ProgressTracker(cx.log(), "masking job " + cx.jobId(), name, total,
                initial.rowsDone(), cx.settings());
        c.setAutoCommit(false);
        int batchSize = cx.settings().batchSize();
        Object[][] rows = new Object[batchSize][];
        String firstSelect = select(false);
        String nextSelect = select(true);
        String update = update();
        ColumnValues.Reader[] readers = readers();
        while (true) {
            checkInterrupted();
            ProgressStore.Row state = cx.store().read(c, cx.jobId(), name, true).orElseThrow();
            if (state.done()) { // another run of the same job finished it meanwhile
                c.commit();
                break;
            }
            Object[] lastKey = state.lastKey() == null ? null : KeyCodec.decode(state.lastKey(), table.key());
            int n = fetch(c, lastKey == null ? firstSelect : nextSelect, lastKey, readers, rows);
            masker.mask(rows, n, state.rowsDone() / batchSize);
            write(c, update, rows, n);
            boolean last = n < batchSize;
            String key = n == 0 ? state.lastKey() : KeyCodec.encode(Arrays.copyOf(rows[n - 1], keySize));
            cx.store().update(c, cx.jobId(), name, new ProgressStore.Row(key, state.rowsDone() + n,
                    last ? ProgressStore.DONE : ProgressStore.RUNNING), cx.settings().clock().instant());
            c.commit();
            rowsThisRun += n;
            rowsCommitted = state.rowsDone() + n;
            committedCounts = masker.counts();
            tracker.advanced(rowsCommitted);
            if (last) {
                break;
            }
        }
        tracker.finished(rowsCommitted);
        return new TableReport(name, rowsThisRun, committedCounts, resumed);
    }

    private boolean insertProgressRow(Connection c) throws SQLException {
        if (cx.store().read(c, cx.jobId(), table.name(), false).isPresent()) {
            return false;
        }
        cx.store().insertIfAbsent(c, cx.jobId(), table.name(), cx.settings().clock().instant());
        return true;
    }

    private long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + cx.names().quote(table.name()))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private ColumnValues.Reader[] readers() {
        ColumnValues.Reader[] readers = new ColumnValues.Reader[width];
        for (int i = 0; i < keySize; i++) {
            readers[i] = ColumnValues.reader(table.key().get(i));
        }
        for (int i = 0; i < table.columns().size(); i++) {
            readers[keySize + i] = ColumnValues.reader(table.columns().get(i));
        }
        return readers;
    }

    private int fetch(Connection c, String sql, Object[] lastKey, ColumnValues.Reader[] readers, Object[][] rows)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(rows.length);
            if (lastKey != null) {
                int p = 1;
                for (int i = 0; i < keySize; i++) {
                    for (int j = 0; j <= i; j++) {
                        ColumnValues.bind(ps, p++, lastKey[j], table.key().get(j));
                    }
                }
            }
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (n < rows.length && rs.next()) {
                    Object[] row = new Object[width];
                    for (int i = 0; i < width; i++) {
                        row[i] = readers[i].read(rs, i + 1);
                    }
                    rows[n++] = row;
                }
            }
            return n;
        }
    }

    private void write(Connection c, String sql, Object[][] rows, int n) throws SQLException {
        if (n == 0 || table.columns().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int r = 0; r < n; r++) {
                Object[] row = rows[r];
                int p = 1;
                for (int i = 0; i < table.columns().size(); i++) {
                    ColumnValues.bind(ps, p++, row[keySize + i], table.columns().get(i));
                }
                for (int i = 0; i < keySize; i++) {
                    ColumnValues.bind(ps, p++, row[i], table.key().get(i));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** {@code SELECT key..., masked... FROM t [WHERE key > ?] ORDER BY key... LIMIT n}. */
    private String select(boolean after) {
        SqlNames q = cx.names();
        List<String> key = table.key().stream().map(k -> q.quote(k.name())).collect(Collectors.toList());
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", key));
        for (ColumnInfo col : table.columns()) {
            sql.append(", ").append(q.quote(col.name()));
        }
        sql.append(" FROM ").append(q.quote(table.name()));
        if (after) {
            sql.append(" WHERE ").append(after(key));
        }
        sql.append(" ORDER BY ").append(String.join(", ", key));
        int limit = cx.settings().batchSize();
        sql.append(cx.dialect() == Dialect.MYSQL || cx.dialect() == Dialect.POSTGRESQL
                ? " LIMIT " + limit : " FETCH FIRST " + limit + " ROWS ONLY");
        return sql.toString();
    }

    /**
     * The keyset condition "after this key" for a composite key (a, b, c) in the expanded form
     * every database plans with its index: {@code a > ? OR (a = ? AND b > ?) OR (a = ? AND b = ? AND c > ?)}.
     */
    static String after(List<String> key) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < key.size(); i++) {
            sql.append(i == 0 ? "(" : " OR (");
            for (int j = 0; j < i; j++) {
                sql.append(key.get(j)).append(" = ? AND ");
            }
            sql.append(key.get(i)).append(" > ?)");
        }
        return key.size() == 1 ? sql.toString() : "(" + sql + ")";
    }

    private String update() {
        SqlNames q = cx.names();
        return "UPDATE " + q.quote(table.name()) + " SET "
                + table.columns().stream().map(c -> q.quote(c.name()) + " = ?").collect(Collectors.joining(", "))
                + " WHERE " + table.key().stream().map(k -> q.quote(k.name()) + " = ?")
                .collect(Collectors.joining(" AND "));
    }

    private void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new MaskingJobException("masking job " + cx.jobId() + " was interrupted on table " + table.name()
                    + " after " + rowsCommitted + " rows committed. " + resumeHint());
        }
    }

    private RuntimeException failed(Connection c, Exception e) {
        boolean interrupted = Thread.interrupted(); // let the clean-up talk to the database
        try {
            try {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                c.setAutoCommit(true);
                cx.store().markFailed(c, cx.jobId(), table.name(), cx.settings().clock().instant());
            } catch (SQLException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof MaskingJobException && Failures.message(e).startsWith("masking job " + cx.jobId())) {
                return (MaskingJobException) e; // already says where and how to resume
            }
            String why = e instanceof MaskingException ? Failures.message(e)
                    : Failures.describe(e, table.identifiers());
            return new MaskingJobException("masking job " + cx.jobId() + " failed on table " + table.name()
                    + " after " + rowsCommitted + " rows committed (" + rowsThisRun + " by this run): " + why
                    + ". " + resumeHint(), e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private String resumeHint() {
        return "The rows committed stay masked; run the job again with job id " + cx.jobId()
                + " to resume after the last committed key";
    }
}
