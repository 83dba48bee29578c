package io.drm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.spi.AuditEvent;
import io.drm.testing.DbKind;
import io.drm.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writers in other processes: 8 threads plus 2 processes on one database make one linear chain, and
 * a writer killed with SIGKILL mid-stream loses no event whose append had returned.
 */
final class JdbcMultiWriterTest {

    static Stream<DbKind> servers() {
        return TestDatabase.serverKinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void eight_threads_and_two_processes_write_one_chain_that_verifies(DbKind kind) throws Exception {
        int perThread = 100;
        int perProcess = 500;
        try (TestDatabase db = TestDatabase.create(kind); JdbcAuditSink sink = JdbcAuditSink.open(db.dataSource())) {
            // The processes pause half-way until every thread has written: their second halves come
            // after the threads' events whatever the scheduling, so the chain is provably shared.
            List<Process> children = List.of(child(db, perProcess, "p1", perProcess / 2),
                    child(db, perProcess, "p2", perProcess / 2));
            List<BufferedReader> outputs = new ArrayList<>();
            List<List<String>> said = new ArrayList<>();
            for (Process child : children) {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                outputs.add(out);
                // Start the threads only once both processes are writing, so all ten contend.
                said.add(new ArrayList<>(List.of(String.valueOf(out.readLine()))));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            sink.append(AuditEvent.of("t" + thread + "-" + i, Instant.now(), "t", "migration.applied",
                                    "test", "thread", AuditEvent.Outcome.SUCCESS, Map.of()));
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            for (int i = 0; i < children.size(); i++) {
                String line;
                while ((line = outputs.get(i).readLine()) != null) {
                    said.get(i).add(line);
                    if (line.equals("paused")) {
                        break;
                    }
                }
                children.get(i).getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
                children.get(i).getOutputStream().flush();
            }
            for (int i = 0; i < children.size(); i++) {
                Process child = children.get(i);
                String line;
                while ((line = outputs.get(i).readLine()) != null) {
                    said.get(i).add(line);
                }
                outputs.get(i).close();
                assertThat(child.waitFor()).as(String.join("\n", said.get(i))).isZero();
                assertThat(said.get(i)).hasSize(perProcess + 2).contains("paused").endsWith("done");
            }
            // the processes' events interleave with the threads' ones: the chain really was contended
            List<String> order = db.queryStrings("SELECT event_id FROM drm_audit_log ORDER BY seq");
            assertThat(order.stream().filter(id -> id.startsWith("p1-")).mapToInt(order::indexOf).max().orElseThrow())
                    .isGreaterThan(order.stream().filter(id -> id.startsWith("t")).mapToInt(order::indexOf).min()
                            .orElseThrow());
            long total = 8L * perThread + 2L * perProcess;
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_audit_log")).isEqualTo(total);
            assertThat(db.queryLong("SELECT MAX(seq) FROM drm_audit_log")).isEqualTo(total);
            assertThat(db.queryLong("SELECT COUNT(DISTINCT event_id) FROM drm_audit_log")).isEqualTo(total);
            sink.checkpoint();
            VerificationReport report = AuditVerifier.forTable(db.dataSource()).verify();
            assertThat(report.intact()).as(report.toString()).isTrue();
            assertThat(report.entries()).isEqualTo(total);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void a_writer_killed_mid_stream_loses_no_returned_event_and_the_log_verifies(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Process child = child(db, 0, "k");
            Set<String> returned = new HashSet<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (!line.startsWith("k-")) {
                        throw new AssertionError("writer said: " + line);
                    }
                    returned.add(line);
                    if (returned.size() >= 400) {
                        child.destroyForcibly();
                        break;
                    }
                }
            } finally {
                child.destroyForcibly();
                child.waitFor();
            }
            assertThat(returned).hasSizeGreaterThanOrEqualTo(400);
            try (JdbcAuditSink sink = JdbcAuditSink.open(db.dataSource())) {
                assertThat(sink.size()).isGreaterThanOrEqualTo(returned.size());
                sink.append(Events.event(0));
            }
            Set<String> stored = new HashSet<>(db.queryStrings("SELECT event_id FROM drm_audit_log"));
            assertThat(stored).containsAll(returned);
            VerificationReport report = AuditVerifier.forTable(db.dataSource()).verify();
            assertThat(report.intact()).as(report.toString()).isTrue();
        }
    }

    private static Process child(TestDatabase db, int count, String name) throws Exception {
        return child(db, count, name, -1);
    }

    private static Process child(TestDatabase db, int count, String name, int pauseAt) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String password = db.password() == null || db.password().isEmpty() ? "-" : db.password();
        return new ProcessBuilder(java, "-Xmx128m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.logFile=System.err", "-cp", System.getProperty("java.class.path"),
                JdbcWriterMain.class.getName(), db.url(), db.user(), password, Integer.toString(count), name,
                Integer.toString(pauseAt))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
