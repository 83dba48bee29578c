package io.drm.internal.data;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.StringJoiner;

/**
 * Inserts rows with PostgreSQL's {@code COPY ... FROM STDIN (FORMAT csv)}, through the driver's
 * {@code CopyManager} reached by reflection (drm-core does not depend on the PostgreSQL driver).
 * Values are converted and checked in Java first, then written as CSV text: NULL as an empty
 * unquoted field, every text quoted.
 */
final class PgCopySink extends RowSink {

    private static final int FLUSH_BYTES = 1 << 20;

    private final Object copyIn;
    private final Method write;
    private final Method end;
    private final Method cancel;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES + (1 << 16));
    private final StringBuilder line = new StringBuilder(256);
    private long rows;
    private boolean ended;

    private PgCopySink(Object copyIn, Class<?> api) throws NoSuchMethodException {
        this.copyIn = copyIn;
        this.write = api.getMethod("writeToCopy", byte[].class, int.class, int.class);
        this.end = api.getMethod("endCopy");
        this.cancel = api.getMethod("cancelCopy");
    }

    /**
     * Starts a {@code COPY}, or returns {@code null} when the driver's copy API cannot be reached
     * (another driver, a pool that does not unwrap): the loader then uses batched inserts.
     */
    static RowSink open(Connection c, Binder binder, ColumnPlan plan) throws SQLException {
        Class<?> pgConnection;
        Class<?> copyInType;
        try {
            ClassLoader loader = c.getClass().getClassLoader();
            pgConnection = Class.forName("org.postgresql.PGConnection", false, loader);
            copyInType = Class.forName("org.postgresql.copy.CopyIn", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        if (!c.isWrapperFor(pgConnection)) {
            return null;
        }
        StringJoiner cols = new StringJoiner(", ");
        for (int i = 0; i < plan.header().size(); i++) {
            cols.add(binder.column(i));
        }
        String sql = "COPY " + binder.table() + " (" + cols + ") FROM STDIN WITH (FORMAT csv)";
        try {
            Object pg = c.unwrap(pgConnection);
            Object manager = pgConnection.getMethod("getCopyAPI").invoke(pg);
            Object copyIn = manager.getClass().getMethod("copyIn", String.class).invoke(manager, sql);
            return new PgCopySink(copyIn, copyInType);
        } catch (InvocationTargetException e) {
            throw sql(e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    void add(Object[] row, long rowNumber) throws SQLException {
        line.setLength(0);
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            Object v = row[i];
            if (v == null) {
                continue;
            }
            if (v instanceof BigDecimal d) {
                line.append(d.toPlainString());
            } else if (v instanceof Number || v instanceof Boolean) {
                line.append(v);
            } else {
                String s = v.toString();
                line.append('"');
                for (int j = 0; j < s.length(); j++) {
                    char ch = s.charAt(j);
                    if (ch == '"') {
                        line.append('"');
                    }
                    line.append(ch);
                }
                line.append('"');
            }
        }
        line.append('\n');
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);
        rows++;
        if (buffer.size() >= FLUSH_BYTES) {
            send();
        }
    }

    private void send() throws SQLException {
        if (buffer.size() == 0) {
            return;
        }
        try {
            write.invoke(copyIn, buffer.toByteArray(), 0, buffer.size());
        } catch (InvocationTargetException e) {
            throw sql(e);
        } catch (IllegalAccessException e) {
            throw new SQLException("cannot write to COPY", e);
        }
        buffer.reset();
    }

    @Override
    void flush() throws SQLException {
        send();
        try {
            end.invoke(copyIn);
            ended = true;
            inserted = rows;
        } catch (InvocationTargetException e) {
            ended = true;
            throw sql(e);
        } catch (IllegalAccessException e) {
            throw new SQLException("cannot end COPY", e);
        }
    }

    @Override
    public void close() throws SQLException {
        if (!ended) {
            ended = true;
            try {
                cancel.invoke(copyIn);
            } catch (InvocationTargetException | IllegalAccessException e) {
                // the transaction is rolled back by the caller
            }
        }
    }

    private static SQLException sql(InvocationTargetException e) {
        Throwable t = e.getCause();
        return t instanceof SQLException s ? s : new SQLException(String.valueOf(t.getMessage()), t);
    }
}
