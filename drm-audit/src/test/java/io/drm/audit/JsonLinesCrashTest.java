package io.drm.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** A writer process killed with SIGKILL mid-stream loses no event whose append had returned. */
final class JsonLinesCrashTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(JsonLinesAuditSink.Durability.class)
    void a_killed_writer_loses_no_returned_event_and_the_log_verifies(JsonLinesAuditSink.Durability durability)
            throws Exception {
        Path file = dir.resolve("audit.jsonl");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                KillableFileWriter.class.getName(), file.toString(), durability.name()).redirectErrorStream(true)
                .start();
        long lastReturned = 0;
        int wanted = durability == JsonLinesAuditSink.Durability.FSYNC ? 100 : 5_000;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.matches("\\d+")) {
                    throw new AssertionError("writer said: " + line);
                }
                lastReturned = Long.parseLong(line);
                if (lastReturned >= wanted) {
                    child.destroyForcibly();
                    break;
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(lastReturned).isGreaterThanOrEqualTo(wanted);

        try (JsonLinesAuditSink sink = JsonLinesAuditSink.open(file)) {
            assertThat(sink.size()).isGreaterThanOrEqualTo(lastReturned);
            sink.append(Events.event(0));
        }
        VerificationReport report = AuditVerifier.forFiles(file).verify();
        assertThat(report.intact()).as(report.toString()).isTrue();
        assertThat(report.entries()).isGreaterThan(lastReturned);
    }
}
