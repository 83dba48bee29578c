package io.drm.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
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
     * property (comma-separated: h2, postgresql, mariadb); all by default.
     *
     * @return the kinds
     */
    public static Stream<DbKind> enabledKinds() {
        String selected = System.getenv("DRM_TEST_DATABASES");
        if (selected == null || selected.isBlank()) {
            selected = System.getProperty("drm.test.databases", "h2,postgresql,mariadb");
        }
        List<DbKind> kinds = new ArrayList<>();
        for (String part : selected.split(",")) {
            if (!part.isBlank()) {
                kinds.add(DbKind.valueOf(part.strip().toUpperCase(Locale.ROOT)));
            }
        }
        return kinds.stream();
    }

    /**
     * Creates a fresh database of a kind, or skips the test when the server is unreachable (fails
     * instead when {@code DRM_REQUIRE_DBS=1}).
     *
     * @param kind the kind
     * @return the database
     */
    public static TestDatabase create(DbKind kind) {
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
            if (!CHECKED.containsKey(kind)) {
                UNREACHABLE.put(kind, e.getMessage());
            }
            unavailable(kind, e.getMessage());
        }
    }

    private static void unavailable(DbKind kind, String why) {
        String message = kind + " is not reachable (" + why + ")";
        if ("1".equals(System.getenv("DRM_REQUIRE_DBS"))) {
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
