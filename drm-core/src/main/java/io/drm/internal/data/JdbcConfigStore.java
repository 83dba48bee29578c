package io.drm.internal.data;

import io.drm.ConfigStoreException;
import io.drm.DrmException;
import io.drm.internal.Connector;
import io.drm.internal.DatabaseKind;
import io.drm.spi.ConfigDocument;
import io.drm.spi.ConfigStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link ConfigStore} in the release's database: {@code drm_config_version} (one row a
 * version), {@code drm_config} (one row a key a version), {@code drm_config_live} (one row: the
 * live version, switched by a single UPDATE). Versions are compared through a sortable key (each
 * number zero-padded to 18 digits, trailing zero parts dropped), so SQL orders them like Flyway.
 */
public final class JdbcConfigStore implements ConfigStore {

    private final Connector connector;

    /**
     * Creates a store over a database.
     *
     * @param connector where connections come from
     */
    public JdbcConfigStore(Connector connector) {
        this.connector = connector;
    }

    /**
     * Creates the tables unless they exist.
     *
     * @param c the connection
     * @param kind the database kind
     * @throws SQLException if the database fails
     */
    public static void ensureTables(Connection c, DatabaseKind kind) throws SQLException {
        if (TableInfo.find(c, kind, "drm_config_live") != null) {
            return;
        }
        String text = kind == DatabaseKind.MYSQL ? "LONGTEXT" : kind == DatabaseKind.POSTGRESQL ? "TEXT" : "CLOB";
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS drm_config_version (version VARCHAR(50) NOT NULL PRIMARY KEY,"
                    + " version_key VARCHAR(400) NOT NULL, name VARCHAR(200) NOT NULL, sha256 VARCHAR(64) NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS drm_config (version VARCHAR(50) NOT NULL,"
                    + " version_key VARCHAR(400) NOT NULL, config_key VARCHAR(500) NOT NULL, config_value " + text
                    + " NOT NULL, PRIMARY KEY (version, config_key))");
            st.execute("CREATE TABLE IF NOT EXISTS drm_config_live (id INT NOT NULL PRIMARY KEY, version VARCHAR(50) NOT NULL)");
        }
    }

    /**
     * Stores a document on a connection (the release's step transaction).
     *
     * @param c the connection
     * @param doc the document
     * @return whether it was stored (false: the same version and content were there already)
     * @throws SQLException if the database fails
     */
    public static boolean put(Connection c, ConfigDocument doc) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM drm_config_version WHERE version = ?")) {
            ps.setString(1, doc.version());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (rs.getString(1).equals(doc.sha256())) {
                        return false;
                    }
                    throw new ConfigStoreException("configuration version " + doc.version() + " is stored already with"
                            + " other content (sha256:" + rs.getString(1) + "). Give the new document a new version.");
                }
            }
        }
        String key = versionKey(doc.version());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drm_config_version (version, version_key, name,"
                + " sha256) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, doc.version());
            ps.setString(2, key);
            ps.setString(3, doc.name());
            ps.setString(4, doc.sha256());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO drm_config (version, version_key, config_key,"
                + " config_value) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, String> e : doc.entries().entrySet()) {
                ps.setString(1, doc.version());
                ps.setString(2, key);
                ps.setString(3, e.getKey());
                ps.setString(4, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return true;
    }

    /**
     * Switches the live version on a connection.
     *
     * @param c the connection
     * @param version a stored version
     * @throws SQLException if the database fails
     */
    public static void switchTo(Connection c, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM drm_config_version WHERE version = ?")) {
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ConfigStoreException("configuration version " + version + " is not stored, so it cannot"
                            + " be made live. Stored versions are listed by ConfigReader.versions().");
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE drm_config_live SET version = ? WHERE id = 1")) {
            ps.setString(1, version);
            if (ps.executeUpdate() == 0) {
                try (PreparedStatement in = c.prepareStatement("INSERT INTO drm_config_live (id, version) VALUES (1, ?)")) {
                    in.setString(1, version);
                    in.executeUpdate();
                }
            }
        }
    }

    /**
     * Returns a version's sortable key.
     *
     * @param version dot-separated numbers
     * @return the key
     */
    static String versionKey(String version) {
        String[] parts = version.split("\\.");
        int end = parts.length;
        while (end > 1 && parts[end - 1].chars().allMatch(ch -> ch == '0')) {
            end--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < end; i++) {
            String p = parts[i].replaceFirst("^0+(?=\\d)", "");
            sb.append(i == 0 ? "" : ".").append("0".repeat(18 - p.length())).append(p);
        }
        return sb.toString();
    }

    @Override
    public void put(ConfigDocument document) {
        write("store configuration in", c -> {
            ensureTables(c, DatabaseKind.of(c));
            put(c, document);
            return null;
        });
    }

    @Override
    public Optional<String> get(String key, String version) {
        return read("read configuration from", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT config_value FROM drm_config WHERE config_key = ?"
                    + " AND version_key <= ? ORDER BY version_key DESC")) {
                ps.setMaxRows(1);
                ps.setString(1, key);
                ps.setString(2, versionKey(version));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        }, Optional.empty());
    }

    @Override
    public Map<String, String> entries(String version) {
        return read("read configuration from", c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT config_key, config_value FROM drm_config WHERE"
                    + " version_key <= ? ORDER BY config_key, version_key DESC")) {
                ps.setString(1, versionKey(version));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.putIfAbsent(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        }, Map.of());
    }

    @Override
    public List<String> versions() {
        return read("read configuration from", c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT version FROM drm_config_version ORDER BY version_key")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }, List.of());
    }

    @Override
    public Optional<String> liveVersion() {
        return read("read configuration from", JdbcConfigStore::live, Optional.empty());
    }

    private static Optional<String> live(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version FROM drm_config_live WHERE id = 1")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    @Override
    public void switchTo(String version) {
        write("switch the live configuration of", c -> {
            switchTo(c, version);
            return null;
        });
    }

    @Override
    public Optional<String> rollback() {
        return write("roll back the configuration of", c -> {
            Optional<String> live = live(c);
            if (live.isEmpty()) {
                return Optional.<String>empty();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM drm_config_version WHERE version_key < ?"
                    + " ORDER BY version_key DESC")) {
                ps.setMaxRows(1);
                ps.setString(1, versionKey(live.get()));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<String>empty();
                    }
                    String previous = rs.getString(1);
                    switchTo(c, previous);
                    return Optional.of(previous);
                }
            }
        });
    }

    /** Work on a connection. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(String doing, Work<T> work, T whenMissing) {
        try (Connector.Lease lease = connector.open(); Connection c = lease.connection(doing)) {
            if (TableInfo.find(c, DatabaseKind.of(c), "drm_config_live") == null) {
                return whenMissing;
            }
            return work.run(c);
        } catch (SQLException e) {
            throw fail(doing, e);
        }
    }

    private <T> T write(String doing, Work<T> work) {
        try (Connector.Lease lease = connector.open(); Connection c = lease.connection(doing)) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw fail(doing, e);
        }
    }

    private DrmException fail(String doing, SQLException e) {
        return new ConfigStoreException("cannot " + doing + " " + connector.describe() + ": "
                + io.drm.internal.Failures.databaseError(e), e);
    }
}
