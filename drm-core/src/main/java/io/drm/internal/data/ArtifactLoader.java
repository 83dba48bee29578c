package io.drm.internal.data;

import io.drm.ArtifactSchemaException;
import io.drm.ArtifactValueException;
import io.drm.DuplicateArtifactKeyException;
import io.drm.internal.DatabaseKind;
import io.drm.internal.Failures;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams one data artifact into its table: reads a row, converts and checks each value against its
 * column, checks the key for duplicates, and writes in JDBC batches (PostgreSQL: {@code COPY} when
 * every row is an insert). Upsert and replace look up which keys of a batch exist, insert the new
 * rows and update the existing rows whose values differ, so the counts are exact on every database.
 * Replace then deletes the rows whose key is not in the artifact. Holds one batch in memory plus 8
 * bytes a key. Runs in the caller's transaction, or in one of its own when the connection is in
 * auto-commit, so a failure leaves no row of the artifact.
 */
public final class ArtifactLoader {

    static final int BATCH = 1000;
    static final int LOOKUP = 500;

    /**
     * What a load did.
     *
     * @param table the table's name as the catalog spells it
     * @param inserted rows inserted
     * @param updated rows updated (rows whose values already matched are not counted)
     * @param deleted rows deleted (replace mode)
     */
    public record Counts(String table, long inserted, long updated, long deleted) {
    }

    private final ArtifactFile file;
    private final String where;

    /**
     * Creates a loader for one artifact.
     *
     * @param file the artifact
     * @param where where it is, for messages
     */
    public ArtifactLoader(ArtifactFile file, String where) {
        this.file = file;
        this.where = where;
    }

    /**
     * Looks the target table up.
     *
     * @param c the connection
     * @param kind the database kind
     * @return the table
     * @throws ArtifactSchemaException if it does not exist
     * @throws SQLException if the metadata cannot be read
     */
    public TableInfo table(Connection c, DatabaseKind kind) throws SQLException {
        TableInfo table = TableInfo.find(c, kind, file.table());
        if (table == null) {
            throw new ArtifactSchemaException("the artifact " + where + " loads into table " + file.table()
                    + ", which does not exist. Create it in a migration with a lower version, or set \"table\" in the"
                    + " manifest. Nothing was written.");
        }
        return table;
    }

    /**
     * Reads and checks the whole artifact against a table without writing (plan time).
     *
     * @param table the table, or {@code null} when it does not exist yet (then only the manifest's types are checked)
     * @param plaintext the artifact's plaintext
     * @throws io.drm.DrmException with its code for the first problem found
     */
    public void validate(TableInfo table, InputStream plaintext) {
        try (RowReader reader = RowReader.open(file.name().format(), plaintext, where, file.columns())) {
            ColumnPlan plan = ColumnPlan.of(table, file, reader.columns(), where);
            Binder binder = table == null ? null : new Binder(plan, DatabaseKind.OTHER);
            LongSet seen = plan.key().length > 0 ? new LongSet() : null;
            while (reader.next()) {
                Object[] row = convert(plan, reader);
                if (seen != null && binder != null) {
                    checkDuplicate(plan, binder, seen, row, reader);
                }
            }
        } catch (IOException e) {
            throw RowReader.malformed(where, e);
        }
    }

    /**
     * Loads the artifact.
     *
     * @param c the connection (in a transaction, or in auto-commit: then the loader commits itself)
     * @param kind the database kind
     * @param plaintext the artifact's plaintext
     * @return the counts
     * @throws io.drm.DrmException with its code for bad input; nothing of the artifact is written
     * @throws SQLException if the database fails
     */
    public Counts load(Connection c, DatabaseKind kind, InputStream plaintext) throws SQLException {
        return OwnTransaction.<Counts, RuntimeException>run(c, () -> loadInTransaction(c, kind, plaintext));
    }

    private Counts loadInTransaction(Connection c, DatabaseKind kind, InputStream plaintext) throws SQLException {
        TableInfo table = table(c, kind);
        try (RowReader reader = RowReader.open(file.name().format(), plaintext, where, file.columns())) {
            ColumnPlan plan = ColumnPlan.of(table, file, reader.columns(), where);
            Binder binder = new Binder(plan, kind);
            boolean direct = plan.mode() == LoadMode.INSERT || isEmpty(c, binder);
            // Into an empty table keyed by its primary key, the database itself refuses a repeated key
            // (mapped to DRM-DATA-005 below), and there is nothing to delete: no key set is needed.
            LongSet seen = plan.key().length > 0 && !(direct && keyIsPrimary(plan, table)) ? new LongSet() : null;
            RowSink sink = direct ? directSink(c, kind, plan, binder) : new UpsertSink(c, binder, plan);
            try (sink) {
                while (reader.next()) {
                    Object[] row = convert(plan, reader);
                    if (seen != null) {
                        checkDuplicate(plan, binder, seen, row, reader);
                    }
                    sink.add(row, reader.row());
                }
                sink.flush();
            } catch (SQLException e) {
                throw refused(plan, sink.firstRow(), e);
            }
            long deleted = 0;
            if (plan.mode() == LoadMode.REPLACE && !direct) {
                deleted = deleteMissing(c, binder, seen);
            }
            return new Counts(table.name(), sink.inserted(), sink.updated(), deleted);
        } catch (IOException e) {
            throw RowReader.malformed(where, e);
        }
    }

    private RowSink directSink(Connection c, DatabaseKind kind, ColumnPlan plan, Binder binder) throws SQLException {
        if (kind == DatabaseKind.POSTGRESQL) {
            RowSink copy = PgCopySink.open(c, binder, plan);
            if (copy != null) {
                return copy;
            }
        }
        return new InsertSink(c, binder);
    }

    private Object[] convert(ColumnPlan plan, RowReader reader) {
        String[] text = reader.values();
        Object[] row = new Object[text.length];
        for (int i = 0; i < text.length; i++) {
            if (text[i] == null) {
                continue;
            }
            try {
                row[i] = plan.types().get(i).convert(text[i]);
                TableInfo.Column col = plan.columns().get(i);
                if (col != null) {
                    ColumnType.checkSize(row[i], col.jdbcType(), col.size(), col.scale());
                }
            } catch (IllegalArgumentException e) {
                String shown = plan.classified()[i] ? "the value (not shown: the column is classified "
                        + file.manifest().classification().get(plan.header().get(i).toLowerCase(java.util.Locale.ROOT))
                        + ")" : "the value '" + RowReader.shorten(text[i]) + "'";
                TableInfo.Column col = plan.columns().get(i);
                throw new ArtifactValueException("the artifact " + where + ", row " + reader.row() + " (line "
                        + reader.line() + "), column " + plan.header().get(i) + ": " + shown + " " + e.getMessage()
                        + (col != null ? " (" + col.typeName() + ")" : "") + ". Nothing was written; fix the value.");
            }
        }
        return row;
    }

    private void checkDuplicate(ColumnPlan plan, Binder binder, LongSet seen, Object[] row, RowReader reader) {
        String key = binder.key(row);
        if (!seen.add(LongSet.hash(key))) {
            StringBuilder shown = new StringBuilder();
            for (int k : plan.key()) {
                shown.append(shown.length() == 0 ? "" : ", ").append(plan.header().get(k)).append('=')
                        .append(plan.keyClassified() ? "(classified)" : String.valueOf(row[k]));
            }
            throw new DuplicateArtifactKeyException("the artifact " + where + ", row " + reader.row() + " (line "
                    + reader.line() + ") repeats the key (" + shown + ") of an earlier row. Keys must be unique"
                    + " within an artifact. Nothing was written; remove the duplicate.");
        }
    }

    private static boolean isEmpty(Connection c, Binder binder) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.setMaxRows(1);
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM " + binder.table())) {
                return !rs.next();
            }
        }
    }

    private long deleteMissing(Connection c, Binder binder, LongSet seen) throws SQLException {
        List<Object[]> gone = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.setFetchSize(BATCH);
            try (ResultSet rs = st.executeQuery("SELECT " + binder.keyColumns() + " FROM " + binder.table())) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    if (!seen.contains(LongSet.hash(binder.key(rs)))) {
                        Object[] key = new Object[n];
                        for (int i = 0; i < n; i++) {
                            key[i] = rs.getObject(i + 1);
                        }
                        gone.add(key);
                    }
                }
            }
        }
        long deleted = 0;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + binder.table() + " WHERE " + binder.keyMatch())) {
            int pending = 0;
            for (Object[] key : gone) {
                for (int i = 0; i < key.length; i++) {
                    ps.setObject(i + 1, key[i]);
                }
                ps.addBatch();
                if (++pending == BATCH) {
                    deleted += RowSink.sum(ps.executeBatch(), pending);
                    pending = 0;
                }
            }
            if (pending > 0) {
                deleted += RowSink.sum(ps.executeBatch(), pending);
            }
        }
        return deleted;
    }

    private static boolean keyIsPrimary(ColumnPlan plan, TableInfo table) {
        if (table.primaryKey().size() != plan.key().length) {
            return false;
        }
        for (int k : plan.key()) {
            if (table.primaryKey().stream().noneMatch(p -> p.equalsIgnoreCase(plan.header().get(k)))) {
                return false;
            }
        }
        return true;
    }

    private io.drm.DrmException refused(ColumnPlan plan, long firstRow, SQLException e) {
        String detail = plan.anyClassified() ? "SQLState " + Failures.sqlCause(e).getSQLState()
                + " (details not shown: the artifact has classified columns)" : Failures.databaseError(e);
        SQLException sql = Failures.sqlCause(e);
        boolean duplicate = sql != null && ("23505".equals(sql.getSQLState()) || sql.getErrorCode() == 1062);
        if (duplicate) {
            return new DuplicateArtifactKeyException("the artifact " + where + " repeats a key, or a row of it"
                    + " collides with a row already in the table (the batch from row " + firstRow + "): " + detail
                    + ". Nothing of the artifact was written; remove the duplicate.", plan.anyClassified() ? null : e);
        }
        return new ArtifactValueException("the database refused rows of the artifact " + where + " (the batch from row "
                + firstRow + "): " + detail + ". Nothing of the artifact was written; fix the rows or the table's"
                + " constraints.", plan.anyClassified() ? null : e);
    }
}
