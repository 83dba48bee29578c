package io.drm.examples;

import io.drm.AppliedStep;
import io.drm.DataRelease;
import io.drm.ReleasePlan;
import io.drm.ReleaseResult;
import io.drm.SafetySnapshot;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The fintech case: a faulty release drops a column of the transaction history and zeroes its
 * amounts; drm took safety snapshots before both statements, so rolling the release back brings the
 * structure and every value back, with the audit trail (SLF4J here) showing it.
 *
 * <pre>{@code
 * mvn -B -q -pl drm-examples -am package -DskipTests exec:java -Dexamples.main=io.drm.examples.RollbackExample
 * }</pre>
 */
public final class RollbackExample {

    private RollbackExample() {
    }

    /**
     * Runs the example.
     *
     * @param args unused
     * @throws SQLException if the database fails
     */
    public static void main(String[] args) throws SQLException {
        run(System.out);
    }

    /**
     * Runs the example, printing to a stream.
     *
     * @param out where to print
     * @return the history table's rows after the rollback, one line each
     * @throws SQLException if the database fails
     */
    public static String run(PrintStream out) throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:payments;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");

        DataRelease.configure().dataSource(dataSource).locations("classpath:db/payments-v1").environment("prod")
                .actor("deploy-bot").onStartup();
        out.println("Before the faulty release:");
        out.println(history(dataSource));

        ReleaseResult faulty = DataRelease.configure().dataSource(dataSource).locations("classpath:db/payments-v2")
                .environment("prod").actor("deploy-bot").plan().apply();
        out.printf("Release %s applied %d step(s); the history now reads:%n", faulty.releaseId(),
                faulty.appliedSteps().size());
        out.println(history(dataSource));
        for (SafetySnapshot s : DataRelease.configure().dataSource(dataSource).locations("classpath:db/payments-v2")
                .snapshots().list()) {
            out.printf("  safety snapshot %s of %s%s: %d rows%n", s.id(), s.table(),
                    s.column() == null ? "" : "." + s.column(), s.rows());
        }

        ReleasePlan back = DataRelease.configure().dataSource(dataSource).locations("classpath:db/payments-v2")
                .environment("prod").actor("on-call").rollback().lastRelease();
        out.println();
        out.println(back.explain());
        ReleaseResult result = back.apply();
        for (AppliedStep step : result.appliedSteps()) {
            out.printf("  undone %-40s in %d ms%n", step.step().source(), step.duration().toMillis());
        }
        String after = history(dataSource);
        out.printf("%nAfter the rollback (%s, now at version %s):%n%s%n", result.outcome(), result.toVersion(), after);
        return after;
    }

    private static String history(DataSource dataSource) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM transaction_history ORDER BY id")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                out.append("  ");
                for (int i = 1; i <= columns; i++) {
                    out.append(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT)).append('=')
                            .append(rs.getString(i)).append(i < columns ? ", " : "");
                }
                out.append(System.lineSeparator());
            }
        }
        return out.toString().stripTrailing();
    }
}
