package io.drm.examples;

import io.drm.AppliedStep;
import io.drm.DataRelease;
import io.drm.ReleasePlan;
import io.drm.ReleaseResult;
import java.io.PrintStream;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Quick start: releases the migrations in {@code classpath:db/quickstart} to an embedded H2
 * database, printing the plan and the result, then shows that a second start is a fast no-op.
 *
 * <pre>{@code
 * mvn -B -q -pl drm-examples -am package -DskipTests exec:java
 * }</pre>
 */
public final class QuickStart {

    private QuickStart() {
    }

    /**
     * Runs the example.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the example, printing to a stream.
     *
     * @param out where to print
     * @return the result of the first release
     */
    public static ReleaseResult run(PrintStream out) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:quickstart;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");

        ReleasePlan plan = DataRelease.configure()
                .dataSource(dataSource)
                .locations("classpath:db/quickstart")
                .environment("dev")
                .actor("quickstart")
                .plan();
        out.println(plan.explain());
        out.println();

        ReleaseResult result = plan.apply();
        out.printf("Release %s: %s, %s -> %s%n", result.releaseId(), result.outcome(),
                result.fromVersion() == null ? "<empty>" : result.fromVersion(), result.toVersion());
        for (AppliedStep step : result.appliedSteps()) {
            out.printf("  applied %-28s in %d ms%n", step.step().source(), step.duration().toMillis());
        }

        ReleaseResult again = DataRelease.configure().dataSource(dataSource).locations("classpath:db/quickstart")
                .onStartup();
        out.printf("%nSecond start: %s at version %s (fast path, no Flyway scan)%n", again.outcome(),
                again.toVersion());
        return result;
    }
}
