package io.drm.internal;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * An H2 in-memory shadow of the application's schema for a dry run: {@code SCRIPT} of the schema
 * (tables, data, indexes, sequences, views and Flyway's history) replayed into a fresh
 * {@code jdbc:h2:mem:drm_shadow_<random>} database opened with the same compatibility settings.
 * The database lives exactly as long as its one connection: {@link #close()} shuts it down.
 */
final class H2Shadow implements AutoCloseable {

    /** H2 settings that a URL must repeat, because the script does not carry them. */
    private static final List<String> URL_SETTINGS = List.of("MODE", "DATABASE_TO_LOWER", "DATABASE_TO_UPPER",
            "CASE_INSENSITIVE_IDENTIFIERS", "DEFAULT_NULL_ORDERING");

    private final String name;
    private final String schema;
    private final Connection connection;
    private boolean closed;

    private H2Shadow(String name, String schema, Connection connection) {
        this.name = name;
        this.schema = schema;
        this.connection = connection;
    }

    /**
     * Copies the application connection's current schema into a new in-memory database.
     *
     * @param app a connection to the application's database (needs the right to run {@code SCRIPT})
     * @param classLoader where to find H2's driver if {@link DriverManager} does not know it
     * @return the shadow, its connection on the copied schema, in auto-commit mode
     * @throws SQLException if the copy fails; nothing is left behind then
     */
    static H2Shadow copyOf(Connection app, ClassLoader classLoader) throws SQLException {
        String schema = app.getSchema();
        String name = "drm_shadow_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        StringBuilder url = new StringBuilder("jdbc:h2:mem:").append(name);
        try (Statement st = app.createStatement();
                ResultSet rs = st.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS")) {
            while (rs.next()) {
                String setting = rs.getString(1);
                String value = rs.getString(2);
                if (URL_SETTINGS.contains(setting) && value != null && !value.isBlank()
                        && value.matches("[A-Za-z0-9_]+")) {
                    url.append(';').append(setting).append('=').append(value);
                }
            }
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", "SA");
        credentials.setProperty("password", "");
        Connection shadow = driver(app, classLoader).connect(url.toString(), credentials);
        if (shadow == null) {
            throw new SQLException("the H2 driver did not accept " + url);
        }
        boolean done = false;
        try (Statement read = app.createStatement(); Statement write = shadow.createStatement()) {
            String quoted = "\"" + schema.replace("\"", "\"\"") + "\"";
            try (ResultSet script = read.executeQuery("SCRIPT NOPASSWORDS SCHEMA " + quoted)) {
                while (script.next()) {
                    String sql = script.getString(1);
                    if (!sql.startsWith("--")) {
                        write.execute(sql);
                    }
                }
            }
            shadow.setSchema(schema);
            done = true;
            return new H2Shadow(name, schema, shadow);
        } finally {
            if (!done) {
                shutDown(shadow);
            }
        }
    }

    private static Driver driver(Connection app, ClassLoader classLoader) throws SQLException {
        try {
            return DriverManager.getDriver(app.getMetaData().getURL());
        } catch (SQLException e) {
            try {
                return (Driver) Class.forName("org.h2.Driver", true, classLoader).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError notThere) {
                e.addSuppressed(notThere);
                throw e;
            }
        }
    }

    /** @return the shadow's connection, on the copied schema */
    Connection connection() {
        return connection;
    }

    /** @return the in-memory database's name */
    String name() {
        return name;
    }

    /** @return where the dry run ran, for the report */
    String describe() {
        return "in-memory H2 shadow database " + name + ", a SCRIPT copy of schema " + schema
                + " (Flyway's history included), dropped after";
    }

    /** Shuts the in-memory database down, which drops it. Safe to call twice. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            shutDown(connection);
        }
    }

    private static void shutDown(Connection connection) {
        try (Statement st = connection.createStatement()) {
            st.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // closing the last connection drops an in-memory database as well
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to do
        }
    }
}
