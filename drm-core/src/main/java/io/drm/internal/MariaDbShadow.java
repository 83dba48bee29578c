package io.drm.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MySQL/MariaDB scratch database {@code drm_shadow_<random>} on the application's server, with
 * the application database's character set and collation, migrated by Flyway to the current
 * version from the same locations, and dropped by {@link #close()}.
 */
final class MariaDbShadow implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.release");

    private final DataSource app;
    private final String name;
    private final DataSource dataSource;
    private String replayed = "no migration replayed (nothing was applied yet)";
    private String dropFailure;
    private boolean closed;

    private MariaDbShadow(DataSource app, String name) {
        this.app = app;
        this.name = name;
        this.dataSource = new CatalogDataSource(app, name);
    }

    /**
     * Creates the scratch database.
     *
     * @param app the application's data source
     * @return the empty shadow
     * @throws SQLException if the database cannot be created, for example for want of the CREATE privilege
     */
    static MariaDbShadow create(DataSource app) throws SQLException {
        String name = "drm_shadow_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = app.getConnection()) {
            String charset = null;
            String collation = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
                    + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()");
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    charset = rs.getString(1);
                    collation = rs.getString(2);
                }
            }
            StringBuilder sql = new StringBuilder("CREATE DATABASE `").append(name).append('`');
            if (charset != null && charset.matches("\\w+")) {
                sql.append(" CHARACTER SET ").append(charset);
            }
            if (collation != null && collation.matches("\\w+")) {
                sql.append(" COLLATE ").append(collation);
            }
            try (Statement st = c.createStatement()) {
                st.execute(sql.toString());
            }
        }
        return new MariaDbShadow(app, name);
    }

    /**
     * Migrates the shadow to a version with Flyway: drm's configuration, target that version.
     *
     * @param flyway drm's Flyway over {@link #dataSource()}
     * @param classLoader the class loader of the locations
     * @param version the version, or {@code null} to leave the shadow empty
     * @throws FlywayException if a migration fails there
     */
    void migrateTo(Flyway flyway, ClassLoader classLoader, String version) {
        if (version == null) {
            return;
        }
        int executed = Flyway.configure(classLoader).configuration(flyway.getConfiguration()).target(version).load()
                .migrate().migrationsExecuted;
        replayed = "migrated to version " + version + " with Flyway (" + executed + " migrations replayed)";
    }

    /** @return connections to the shadow */
    DataSource dataSource() {
        return dataSource;
    }

    /** @return the scratch database's name */
    String name() {
        return name;
    }

    /** @return where the dry run ran, for the report (after {@link #close()}: whether it was dropped) */
    String describe() {
        return "scratch database " + name + " on the same server, " + replayed + ", "
                + (dropFailure == null ? "dropped after" : "NOT dropped (" + dropFailure + "): drop it by hand");
    }

    /** Drops the scratch database. Safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Connection c = app.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + name + "`");
        } catch (SQLException e) {
            dropFailure = Failures.firstLine(e.getMessage());
            LOG.warn("dry run - could not drop the scratch database {}: {}; drop it by hand", name, dropFailure);
        }
    }
}
