package io.drm;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.StartupMain;
import io.drm.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Four separate JVM processes start at once against one server database: one applies, three wait. */
final class MultiProcessStartupTest {

    private static final int PROCESSES = 4;

    @TempDir
    Path dir;

    static Stream<DbKind> servers() {
        return TestDatabase.serverKinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void four_processes_apply_each_migration_exactly_once(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            for (int i = 4; i <= 20; i++) {
                m.add("V" + i + "__step_" + i + ".sql", "ALTER TABLE customer ADD c" + i + " VARCHAR(10);\n");
            }
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            List<Process> processes = new ArrayList<>();
            for (int p = 0; p < PROCESSES; p++) {
                ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp",
                        System.getProperty("java.class.path"), StartupMain.class.getName(), db.url(), db.user(),
                        m.location()).redirectErrorStream(true);
                builder.environment().put("DRM_TEST_PASSWORD", db.password());
                processes.add(builder.start());
            }
            // start all four at once: each says READY and waits for a line on stdin
            List<String> ready = new ArrayList<>();
            for (Process process : processes) {
                ready.add(readLine(process));
            }
            assertThat(ready).containsOnly("READY");
            for (Process process : processes) {
                process.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
                process.getOutputStream().flush();
            }
            List<String> outputs = new ArrayList<>();
            try {
                for (Process process : processes) {
                    process.waitFor();
                    String output = read(process);
                    outputs.add(output);
                    assertThat(process.exitValue()).as(output).isZero();
                }
            } finally {
                processes.forEach(Process::destroyForcibly);
            }

            assertThat(outputs).filteredOn(o -> o.contains("RESULT APPLIED 20")).hasSize(1);
            assertThat(outputs).filteredOn(o -> o.contains("RESULT UP_TO_DATE 0")).hasSize(PROCESSES - 1);
            assertThat(db.appliedVersions()).hasSize(20).doesNotHaveDuplicates();
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_release WHERE status = 'SUCCEEDED'")).isEqualTo(1);
        }
    }

    private static String readLine(Process process) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = process.getInputStream().read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
