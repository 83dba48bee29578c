package io.drm.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, uniquely named database for one test: an in-memory H2 database, a PostgreSQL schema or a
 * MariaDB database, dropped by {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {

    private static final Map<DbKind, String> UNREACHABLE = new ConcurrentHashMap<>();
    private static final Map<DbKind, Boolean> CHECKED = new ConcurrentHashMap<>();

    private final DbKind kind;
    private final String name;
    private final String url;
    private final String user;
    private final String password;
    private final String adminUrl;
    private final HikariDataSource dataSource;

    private TestDatabase(DbKind kind, String name, String url, String user, String password, String adminUrl) {
        this.kind = kind;
        this.adminUrl = adminUrl;
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(0);
        config.setPoolName("test-" + name);
        this.dataSource = new HikariDataSource(config);
    }

    /**
     * Returns the kinds selected by {@code DRM_TEST_DATABASES} or the {@code drm.test.databases}
     * property (comma-separated: h2, postgresql, mariadb); all by default. With
     * {@code DRM_REQUIRE_DBS=1} the selection cannot drop a database: one that omits a kind fails.
     *
     * @return the kinds
     * @throws IllegalStateException if {@code DRM_REQUIRE_DBS=1} and a kind is not selected
     */
    public static Stream<DbKind> enabledKinds() {
        String selected = System.getenv("DRM_TEST_DATABASES");
        if (selected == null || selected.isBlank()) {
            selected = System.getProperty("drm.test.databases", "h2,postgresql,mariadb");
        }
        return selectedKinds(selected, required()).stream();
    }

    /**
     * The server databases, PostgreSQL and MariaDB, whether selected or not: a test that needs a
     * server runs once per server, and {@link #create(DbKind)} skips (or, with
     * {@code DRM_REQUIRE_DBS=1}, fails) one that is not selected or not reachable, so such a test
     * never passes by running zero times.
     *
     * @return the server kinds
     */
    public static Stream<DbKind> serverKinds() {
        return Stream.of(DbKind.POSTGRESQL, DbKind.MARIADB);
    }

    /**
     * Parses a selection.
     *
     * @param selection comma-separated kinds
     * @param required whether every kind must be selected
     * @return the kinds, in the order given
     * @throws IllegalStateException if {@code required} and a kind is missing
     */
    static List<DbKind> selectedKinds(String selection, boolean required) {
        List<DbKind> kinds = new ArrayList<>();
        for (String part : selection.split(",")) {
            if (!part.isBlank()) {
                DbKind kind = DbKind.valueOf(part.strip().toUpperCase(Locale.ROOT));
                if (!kinds.contains(kind)) {
                    kinds.add(kind);
                }
            }
        }
        if (required) {
            List<DbKind> missing = new ArrayList<>(List.of(DbKind.values()));
            missing.removeAll(kinds);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("the test databases selected (" + selection + ") omit " + missing
                        + ", but DRM_REQUIRE_DBS=1 requires every database; select all of them or unset"
                        + " DRM_REQUIRE_DBS");
            }
        }
        return kinds;
    }

    private static boolean required() {
        return "1".equals(System.getenv("DRM_REQUIRE_DBS"));
    }

    /**
     * Creates a fresh database of a kind, or skips the test when the server is unreachable or the
     * kind is not selected (fails instead when {@code DRM_REQUIRE_DBS=1}). An SQL error other than a
     * failure to connect (a permission, a syntax error) fails under {@code DRM_REQUIRE_DBS=1}.
     *
     * @param kind the kind
     * @return the database
     */
    public static TestDatabase create(DbKind kind) {
        if (enabledKinds().noneMatch(kind::equals)) {
            Assumptions.abort(kind + " is not selected by DRM_TEST_DATABASES / drm.test.databases");
        }
        String name = "drm_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        switch (kind) {
            case H2:
                String h2 = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
                return new TestDatabase(kind, name, h2, "sa", "", h2);
            case POSTGRESQL: {
                String base = env("DRM_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
                String user = env("DRM_TEST_POSTGRES_USER", "postgres");
                String password = env("DRM_TEST_POSTGRES_PASSWORD", "");
                admin(kind, base, user, password, "CREATE SCHEMA " + name);
                String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
                return new TestDatabase(kind, name, url, user, password, base);
            }
            case MARIADB: {
                String base = env("DRM_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
                String user = env("DRM_TEST_MARIADB_USER", "root");
                String password = env("DRM_TEST_MARIADB_PASSWORD", "");
                admin(kind, base, user, password, "CREATE DATABASE " + name);
                Matcher m = Pattern.compile("^(jdbc:[a-z]+://[^/]+/)([^?]*)(\\?.*)?$").matcher(base);
                if (!m.matches()) {
                    throw new IllegalStateException("cannot read the MariaDB test URL " + base);
                }
                String url = m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
                return new TestDatabase(kind, name, url, user, password, base);
            }
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    private static void admin(DbKind kind, String url, String user, String password, String sql) {
        if (UNREACHABLE.containsKey(kind)) {
            unavailable(kind, UNREACHABLE.get(kind));
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute(sql);
            CHECKED.put(kind, true);
        } catch (SQLException e) {
            if (!cannotConnect(e)) {
                String message = kind + " is reachable but refused the test setup (" + sql + ", SQLState "
                        + e.getSQLState() + "): " + e.getMessage();
                if (required()) {
                    throw new IllegalStateException(message, e);
                }
                Assumptions.abort(message + "; with DRM_REQUIRE_DBS=1 this is a failure");
            }
            if (!CHECKED.containsKey(kind)) {
                UNREACHABLE.put(kind, e.getMessage());
            }
            unavailable(kind, e.getMessage());
        }
    }

    /**
     * Whether an SQL error means the server could not be reached (SQLState class 08, a connection
     * exception, or a socket failure underneath), as opposed to a permission or syntax error.
     *
     * @param e the error
     * @return whether it is a failure to connect
     */
    static boolean cannotConnect(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static void unavailable(DbKind kind, String why) {
        String message = kind + " is not reachable (" + why + ")";
        if (required()) {
            throw new IllegalStateException(message + " and DRM_REQUIRE_DBS=1 requires it");
        }
        Assumptions.abort(message + "; set DRM_REQUIRE_DBS=1 to make this a failure");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** @return the kind */
    public DbKind kind() {
        return kind;
    }

    /** @return the JDBC URL that reaches this test database */
    public String url() {
        return url;
    }

    /** @return the user */
    public String user() {
        return user;
    }

    /** @return the password */
    public String password() {
        return password;
    }

    /** @return a pooled data source for this database */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs a query that returns one number.
     *
     * @param sql the query
     * @return the number
     */
    public long queryLong(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a query and returns the first column of every row as text.
     *
     * @param sql the query
     * @return the values
     */
    public List<String> queryStrings(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Executes a statement.
     *
     * @param sql the statement
     */
    public void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Tells whether a table exists in this database (case-insensitive).
     *
     * @param table the table name
     * @return whether it exists
     */
    public boolean tableExists(String table) {
        try (Connection c = dataSource.getConnection()) {
            String schema = kind == DbKind.MARIADB ? null : c.getSchema();
            String catalog = kind == DbKind.MARIADB ? c.getCatalog() : null;
            try (ResultSet rs = c.getMetaData().getTables(catalog, schema, null, new String[] {"TABLE"})) {
                while (rs.next()) {
                    if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns the name of Flyway's history table as this database needs it quoted.
     *
     * @return the quoted name
     */
    public String history() {
        return kind == DbKind.MARIADB ? "`flyway_schema_history`" : "\"flyway_schema_history\"";
    }

    /**
     * Returns the versions recorded as successfully applied in Flyway's history, in order.
     *
     * @return the versions
     */
    public List<String> appliedVersions() {
        String q = kind == DbKind.MARIADB ? "`" : "\"";
        return queryStrings("SELECT " + q + "version" + q + " FROM " + history() + " WHERE " + q + "version" + q
                + " IS NOT NULL AND " + q + "success" + q + " = " + (kind == DbKind.MARIADB ? "1" : "TRUE")
                + " ORDER BY " + q + "installed_rank" + q);
    }

    /** Drops the database. */
    @Override
    public void close() {
        dataSource.close();
        try {
            switch (kind) {
                case H2 -> {
                    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                            Statement st = c.createStatement()) {
                        st.execute("SHUTDOWN");
                    }
                }
                case POSTGRESQL -> admin(kind, adminUrl, user, password, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
                case MARIADB -> admin(kind, adminUrl, user, password, "DROP DATABASE IF EXISTS " + name);
                default -> { }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }

    @Override
    public String toString() {
        return kind + ":" + name;
    }
}
