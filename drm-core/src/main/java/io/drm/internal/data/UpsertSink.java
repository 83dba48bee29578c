package io.drm.internal.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Upserts in chunks: one query finds which keys of the chunk exist; new rows are inserted in a
 * batch, existing rows updated in a batch only where a value differs (the update's own condition),
 * so inserted and updated are exact.
 */
final class UpsertSink extends RowSink {

    private final Connection c;
    private final Binder binder;
    private final ColumnPlan plan;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final List<Object[]> chunk = new ArrayList<>(ArtifactLoader.LOOKUP);
    private PreparedStatement lookup;

    UpsertSink(Connection c, Binder binder, ColumnPlan plan) throws SQLException {
        this.c = c;
        this.binder = binder;
        this.plan = plan;
        this.insert = c.prepareStatement(binder.insert());
        String updateSql = binder.update();
        this.update = updateSql == null ? null : c.prepareStatement(updateSql);
    }

    @Override
    void add(Object[] row, long rowNumber) throws SQLException {
        if (chunk.isEmpty()) {
            firstRow = rowNumber;
        }
        chunk.add(row);
        if (chunk.size() == ArtifactLoader.LOOKUP) {
            flush();
        }
    }

    @Override
    void flush() throws SQLException {
        if (chunk.isEmpty()) {
            return;
        }
        Set<String> existing = existing();
        int inserts = 0;
        int updates = 0;
        for (Object[] row : chunk) {
            if (!existing.contains(binder.key(row))) {
                binder.bindAll(insert, 1, row);
                insert.addBatch();
                inserts++;
            } else if (update != null) {
                binder.bindUpdate(update, row);
                update.addBatch();
                updates++;
            }
        }
        if (inserts > 0) {
            insert.executeBatch();
            inserted += inserts;
        }
        if (updates > 0) {
            for (int n : update.executeBatch()) {
                if (n == java.sql.Statement.SUCCESS_NO_INFO) {
                    throw new SQLException("the JDBC driver did not report how many rows an update changed, so drm"
                            + " cannot count the artifact's updated rows honestly");
                }
                updated += Math.max(n, 0);
            }
        }
        chunk.clear();
    }

    private Set<String> existing() throws SQLException {
        PreparedStatement ps;
        if (chunk.size() == ArtifactLoader.LOOKUP) {
            if (lookup == null) {
                lookup = c.prepareStatement(binder.lookup(ArtifactLoader.LOOKUP));
            }
            ps = lookup;
        } else {
            ps = c.prepareStatement(binder.lookup(chunk.size()));
        }
        try {
            int p = 1;
            for (Object[] row : chunk) {
                p = binder.bindKey(ps, p, row);
            }
            Set<String> keys = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(binder.key(rs));
                }
            }
            return keys;
        } finally {
            if (ps != lookup) {
                ps.close();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (insert; PreparedStatement u = update; PreparedStatement l = lookup) {
            // closes all three
        }
    }
}
