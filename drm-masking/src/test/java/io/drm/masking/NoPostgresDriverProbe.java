package io.drm.masking;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Runs a masked copy and an in-place job between H2 databases; {@link MaskedCopyWithoutPostgresDriverTest}
 * loads it in a class loader that has no PostgreSQL driver.
 */
public final class NoPostgresDriverProbe {

    private NoPostgresDriverProbe() {
    }

    /**
     * @return the rows the copy and the in-place job reported
     * @throws SQLException if H2 fails
     */
    public static long run() throws SQLException {
        JdbcDataSource source = h2();
        JdbcDataSource target = h2();
        for (JdbcDataSource ds : new JdbcDataSource[] {source, target}) {
            execute(ds, "CREATE TABLE person (id INT PRIMARY KEY, email VARCHAR(100))");
        }
        execute(source, "INSERT INTO person VALUES (1, 'a@corp.test'), (2, 'b@corp.test'), (3, NULL)");
        MaskingRules rules = MaskingRules.builder().column("person", "email", TestMaskers.email()).build();
        long copied = MaskedCopy.from(source).to(target).rules(rules).build().run().rows();
        long masked = MaskingJob.inPlace(source, rules).build().run().rows();
        return copied + masked;
    }

    private static JdbcDataSource h2() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:nopg_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    private static void execute(JdbcDataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
