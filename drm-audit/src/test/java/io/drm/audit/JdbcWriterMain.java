package io.drm.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.drm.spi.AuditEvent;
import java.time.Instant;
import java.util.Map;

/**
 * Child-process main for the JDBC multi-process and crash tests: appends events to
 * {@code drm_audit_log} with its own pool, printing each event's id after its {@code append}
 * returned (that is, after commit), then "done". A count of 0 appends until killed. With a pause
 * point it prints "paused" after that many events and goes on only once a line arrives on stdin.
 */
public final class JdbcWriterMain {

    private JdbcWriterMain() {
    }

    /**
     * @param args JDBC URL, user, password ("-" for empty), number of events (0: until killed), writer name,
     *     optionally the number of events after which to pause
     * @throws java.io.IOException if stdin cannot be read
     */
    public static void main(String[] args) throws java.io.IOException {
        long pauseAt = args.length > 5 ? Long.parseLong(args[5]) : -1;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        config.setUsername(args[1]);
        config.setPassword("-".equals(args[2]) ? "" : args[2]);
        config.setMaximumPoolSize(2);
        long count = Long.parseLong(args[3]);
        String writer = args[4];
        try (HikariDataSource ds = new HikariDataSource(config); JdbcAuditSink sink = JdbcAuditSink.open(ds)) {
            for (long i = 1; count == 0 || i <= count; i++) {
                String id = writer + "-" + i;
                sink.append(AuditEvent.of(id, Instant.now(), writer, "migration.applied", "test", "child",
                        AuditEvent.Outcome.SUCCESS, Map.of("n", Long.toString(i))));
                System.out.println(id);
                System.out.flush();
                if (i == pauseAt) {
                    System.out.println("paused");
                    System.out.flush();
                    new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                            java.nio.charset.StandardCharsets.UTF_8)).readLine();
                }
            }
        }
        System.out.println("done");
        System.out.flush();
    }
}
