package io.drm.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL: each fresh database is a new schema {@code drm_b_<random>}, created and dropped
 * (CASCADE) over an admin connection; the run's data source has it as its current schema. The
 * server comes from {@code DRM_BENCH_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD}.
 */
final class PostgresDatabase implements BenchDatabase {

    private final String url;
    private final String user;
    private final String password;

    private PostgresDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Reads the server's coordinates from the environment, with local defaults.
     *
     * @return the database kind
     */
    static PostgresDatabase fromEnvironment() {
        return new PostgresDatabase(
                env("DRM_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                env("DRM_BENCH_POSTGRES_USER", "postgres"),
                env("DRM_BENCH_POSTGRES_PASSWORD", ""));
    }

    private static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }

    /**
     * Connects once to tell whether the server can be used.
     *
     * @return {@code null} when it can, else why not
     */
    @Override
    public String unreachableReason() {
        try (Connection c = dataSource(null).getConnection()) {
            return c.isValid(5) ? null : "connection to " + url + " is not valid";
        } catch (SQLException e) {
            return "cannot connect to " + url + " as " + user + ": " + e.getMessage();
        }
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public Fresh fresh() {
        String schema = "drm_b_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin("CREATE SCHEMA " + schema);
        PGSimpleDataSource ds = dataSource(schema);
        return Fresh.of(ds, () -> admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }

    private PGSimpleDataSource dataSource(String schema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setUser(user);
        ds.setPassword(password);
        ds.setConnectTimeout(5);
        if (schema != null) {
            ds.setCurrentSchema(schema);
        }
        return ds;
    }

    private void admin(String sql) {
        try (Connection c = dataSource(null).getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL admin statement failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
