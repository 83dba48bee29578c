package io.drm.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * MariaDB: each fresh database is a new database {@code drm_b_<random>}, created and dropped over an
 * admin connection. The server comes from {@code DRM_BENCH_MARIADB_URL} (without a database),
 * {@code _USER} and {@code _PASSWORD}.
 */
final class MariaDbDatabase implements BenchDatabase {

    private final String url;
    private final String user;
    private final String password;

    private MariaDbDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Reads the server's coordinates from the environment, with local defaults.
     *
     * @return the database kind
     */
    static MariaDbDatabase fromEnvironment() {
        return new MariaDbDatabase(env("DRM_BENCH_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/"),
                env("DRM_BENCH_MARIADB_USER", "root"), env("DRM_BENCH_MARIADB_PASSWORD", ""));
    }

    private static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }

    @Override
    public String unreachableReason() {
        try (Connection c = dataSource("").getConnection()) {
            return c.isValid(5) ? null : "connection to " + url + " is not valid";
        } catch (SQLException e) {
            return "cannot connect to " + url + " as " + user + ": " + e.getMessage();
        }
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public Fresh fresh() {
        String name = "drm_b_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE DATABASE " + name);
        return Fresh.of(dataSource(name), () -> admin("DROP DATABASE IF EXISTS " + name));
    }

    private MariaDbDataSource dataSource(String database) {
        try {
            MariaDbDataSource ds = new MariaDbDataSource(url + database);
            ds.setUser(user);
            ds.setPassword(password);
            return ds;
        } catch (SQLException e) {
            throw new IllegalStateException("bad MariaDB URL " + url + ": " + e.getMessage(), e);
        }
    }

    private void admin(String sql) {
        try (Connection c = dataSource("").getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB admin statement failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
