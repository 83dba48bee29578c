package io.drm.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Wraps a data source and counts what goes through it: {@code getConnection()} calls and
 * statements executed (any {@code execute*} on a {@code Statement} or {@code PreparedStatement}),
 * with the SQL of each, through JDBC proxies.
 */
public final class CountingDataSource implements DataSource {

    private final DataSource target;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> statements = new CopyOnWriteArrayList<>();

    /**
     * Wraps a data source.
     *
     * @param target the real data source
     */
    public CountingDataSource(DataSource target) {
        this.target = target;
    }

    /** @return how many connections were asked for */
    public int connections() {
        return connections.get();
    }

    /** @return the SQL of every statement executed, in order ({@code <batch>} for a batch) */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    /** Forgets what was counted so far. */
    public void reset() {
        connections.set(0);
        statements.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        connections.incrementAndGet();
        return wrap(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        connections.incrementAndGet();
        return wrap(target.getConnection(username, password));
    }

    private Connection wrap(Connection real) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (result instanceof Statement) {
                        String sql = method.getName().startsWith("prepare") && args != null && args.length > 0
                                ? String.valueOf(args[0]) : null;
                        return wrapStatement((Statement) result, sql, method.getReturnType());
                    }
                    return result;
                });
    }

    private Object wrapStatement(Statement real, String preparedSql, Class<?> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                statements.add(preparedSql != null ? preparedSql
                        : args != null && args.length > 0 ? String.valueOf(args[0]) : "<batch>");
            }
            return invoke(real, method, args);
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("io.drm.testing");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }
}
