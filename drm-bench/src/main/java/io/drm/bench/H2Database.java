package io.drm.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** H2 in memory: each fresh database is a uniquely named {@code mem:} database, shut down on close. */
final class H2Database implements BenchDatabase {

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public Fresh fresh() {
        JdbcDataSource ds = new JdbcDataSource();
        String name = "drm_b_" + UUID.randomUUID().toString().replace("-", "");
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ds.setPassword("");
        return Fresh.of(ds, () -> {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException e) {
                System.err.println("warning: could not shut down H2 database " + name + ": " + e.getMessage());
            }
        });
    }
}
