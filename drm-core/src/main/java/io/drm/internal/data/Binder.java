package io.drm.internal.data;

import io.drm.internal.DatabaseKind;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.StringJoiner;
import java.util.UUID;

/** Builds the loader's SQL with quoted identifiers and binds converted values as parameters. */
final class Binder {

    private final ColumnPlan plan;
    private final DatabaseKind kind;
    private final TableInfo table;

    Binder(ColumnPlan plan, DatabaseKind kind) {
        this.plan = plan;
        this.kind = kind;
        this.table = plan.table();
    }

    String table() {
        return table.quoted(table.name());
    }

    String column(int i) {
        return table.quoted(plan.columns().get(i).name());
    }

    String insert() {
        StringJoiner cols = new StringJoiner(", ");
        StringJoiner marks = new StringJoiner(", ");
        for (int i = 0; i < plan.header().size(); i++) {
            cols.add(column(i));
            marks.add("?");
        }
        return "INSERT INTO " + table() + " (" + cols + ") VALUES (" + marks + ")";
    }

    /** {@code UPDATE t SET c = ? ... WHERE k = ? ... AND (c differs from ? ...)}, or {@code null} without non-key columns. */
    String update() {
        StringJoiner set = new StringJoiner(", ");
        StringJoiner differs = new StringJoiner(kind == DatabaseKind.MYSQL ? " AND " : " OR ");
        for (int i = 0; i < plan.header().size(); i++) {
            if (isKey(i)) {
                continue;
            }
            set.add(column(i) + " = ?");
            if (kind == DatabaseKind.MYSQL) {
                differs.add(column(i) + " <=> ?");
            } else if (kind == DatabaseKind.POSTGRESQL && plan.types().get(i) == ColumnType.JSON) {
                differs.add("CAST(" + column(i) + " AS TEXT) IS DISTINCT FROM CAST(? AS TEXT)");
            } else {
                differs.add(column(i) + " IS DISTINCT FROM ?");
            }
        }
        if (set.length() == 0) {
            return null;
        }
        return "UPDATE " + table() + " SET " + set + " WHERE " + keyMatch() + " AND "
                + (kind == DatabaseKind.MYSQL ? "NOT (" + differs + ")" : "(" + differs + ")");
    }

    String keyMatch() {
        StringJoiner where = new StringJoiner(" AND ");
        for (int k : plan.key()) {
            where.add(column(k) + " = ?");
        }
        return where.toString();
    }

    String keyColumns() {
        StringJoiner cols = new StringJoiner(", ");
        for (int k : plan.key()) {
            cols.add(column(k));
        }
        return cols.toString();
    }

    /** {@code SELECT keys FROM t WHERE key IN (...)} for {@code n} keys. */
    String lookup(int n) {
        StringBuilder sql = new StringBuilder("SELECT ").append(keyColumns()).append(" FROM ").append(table())
                .append(" WHERE ");
        if (plan.key().length == 1) {
            sql.append(column(plan.key()[0])).append(" IN (");
            for (int i = 0; i < n; i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            return sql.append(')').toString();
        }
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "(" : " OR (").append(keyMatch()).append(')');
        }
        return sql.toString();
    }

    boolean isKey(int i) {
        for (int k : plan.key()) {
            if (k == i) {
                return true;
            }
        }
        return false;
    }

    /** Binds all columns in file order from parameter {@code from}; returns the next parameter index. */
    int bindAll(PreparedStatement ps, int from, Object[] row) throws SQLException {
        int p = from;
        for (int i = 0; i < row.length; i++) {
            bind(ps, p++, row[i], i);
        }
        return p;
    }

    int bindKey(PreparedStatement ps, int from, Object[] row) throws SQLException {
        int p = from;
        for (int k : plan.key()) {
            bind(ps, p++, row[k], k);
        }
        return p;
    }

    /** Binds the update: non-key values, key, then non-key values again for the comparison. */
    void bindUpdate(PreparedStatement ps, Object[] row) throws SQLException {
        int p = 1;
        for (int i = 0; i < row.length; i++) {
            if (!isKey(i)) {
                bind(ps, p++, row[i], i);
            }
        }
        p = bindKey(ps, p, row);
        for (int i = 0; i < row.length; i++) {
            if (!isKey(i)) {
                if (kind == DatabaseKind.POSTGRESQL && plan.types().get(i) == ColumnType.JSON) {
                    ps.setString(p++, row[i] == null ? null : row[i].toString());
                } else {
                    bind(ps, p++, row[i], i);
                }
            }
        }
    }

    void bind(PreparedStatement ps, int p, Object value, int i) throws SQLException {
        TableInfo.Column col = plan.columns().get(i);
        ColumnType type = plan.types().get(i);
        if (value == null) {
            ps.setNull(p, col.jdbcType());
        } else if (kind == DatabaseKind.POSTGRESQL && (type == ColumnType.JSON || col.jdbcType() == Types.OTHER)
                && !(value instanceof UUID)) {
            ps.setObject(p, value.toString(), Types.OTHER);
        } else if (value instanceof UUID && kind != DatabaseKind.POSTGRESQL && kind != DatabaseKind.H2) {
            ps.setString(p, value.toString());
        } else {
            ps.setObject(p, value);
        }
    }

    /** The canonical key text of a converted row. */
    String key(Object[] row) {
        StringBuilder sb = new StringBuilder();
        for (int k : plan.key()) {
            sb.append(plan.types().get(k).canonical(row[k])).append('\u0001');
        }
        return sb.toString();
    }

    /** The canonical key text of a row read back from the table, key columns at 1..n. */
    String key(java.sql.ResultSet rs) throws SQLException {
        StringBuilder sb = new StringBuilder();
        int p = 1;
        for (int k : plan.key()) {
            ColumnType type = plan.types().get(k);
            Class<?> cls = type.javaClass();
            Object v = cls == null ? rs.getObject(p) : rs.getObject(p, cls);
            if (type == ColumnType.BOOLEAN && v instanceof Number n) {
                v = n.intValue() != 0;
            }
            sb.append(type.canonical(v)).append('\u0001');
            p++;
        }
        return sb.toString();
    }
}
