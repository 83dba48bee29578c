package io.drm;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * The health check of a canary configuration release: one poll measures a KPI; the poll is
 * healthy when the value is at least {@link #threshold()}. A poll that throws counts as a failure.
 */
@FunctionalInterface
public interface CanaryCheck {

    /**
     * Measures the KPI once.
     *
     * @return the value
     * @throws Exception when it cannot be measured (counts as a failure)
     */
    double measure() throws Exception;

    /**
     * The lowest healthy value.
     *
     * @return the threshold; default {@code 1.0}
     */
    default double threshold() {
        return 1.0;
    }

    /**
     * A check from a yes/no health signal (KPI value 1 when healthy, 0 when not).
     *
     * @param healthy the signal
     * @return the check
     */
    static CanaryCheck of(BooleanSupplier healthy) {
        Objects.requireNonNull(healthy, "healthy");
        return () -> healthy.getAsBoolean() ? 1.0 : 0.0;
    }

    /**
     * A SQL KPI: a query whose first column of its first row is a number, healthy when at least
     * {@code threshold}.
     *
     * @param dataSource where to run it
     * @param sql the query, for example {@code SELECT COUNT(*) FROM orders WHERE created > ...}
     * @param threshold the lowest healthy value
     * @return the check
     */
    static CanaryCheck sql(DataSource dataSource, String sql, double threshold) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(sql, "sql");
        if (sql.isBlank()) {
            throw new IllegalArgumentException("sql must not be blank");
        }
        return new CanaryCheck() {
            @Override
            public double measure() throws Exception {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery(sql)) {
                    if (!rs.next()) {
                        throw new IllegalStateException("the KPI query returned no row");
                    }
                    return rs.getDouble(1);
                }
            }

            @Override
            public double threshold() {
                return threshold;
            }
        };
    }
}
