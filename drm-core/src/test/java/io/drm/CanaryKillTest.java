package io.drm;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.testing.CanaryMain;
import io.drm.testing.KilledCanary;
import io.drm.testing.Migrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canary child JVM on the JDBC store (H2 in file mode), killed with SIGKILL inside its window or
 * at a random point (8 trials): the store is always at a recorded version with that version's
 * content, {@link Canary#recover()} switches an interrupted canary back to the version live before
 * it, and the next canary converges (nothing left running, the start after it changes nothing).
 * About a minute, so it runs in drm-core's {@code crash} profile ({@code mvn -B -pl drm-core -Pcrash verify}).
 */
@Tag("crash")
final class CanaryKillTest {

    static final Map<String, Map<String, String>> EXPECTED = Map.of(
            "2", Map.of("banner", "\"spring\"", "categories", "10"),
            "3", Map.of("banner", "\"spring\"", "categories", "12"));

    @TempDir
    Path dir;

    /** A clock that advances one second each time it is read. */
    static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }
    }

    @Test
    void a_killed_canary_leaves_a_recorded_version_and_the_next_start_converges() throws Exception {
        Random random = new Random(20261207L);
        int interruptedAfterTheSwitch = 0;
        for (int trial = 0; trial < 8; trial++) {
            // H2 flushes a commit to the file only after its write delay; without it a kill soon after the switch
            // would lose the switch's commit, and whether any trial is killed after the switch would depend on speed.
            String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("trial" + trial).resolve("db")
                    + ";FILE_LOCK=FS;WRITE_DELAY=0";
            Migrations m = Migrations.in(dir.resolve("m" + trial))
                    .add("V1__create_t.sql", "CREATE TABLE t (id INT PRIMARY KEY);\n")
                    .add("V2__flags.config.json", "{\"categories\": 10, \"banner\": \"spring\"}");
            DataRelease.configure().jdbc(url, "sa", null).locations(m.location()).plan().apply();
            m.add("V3__flags.config.json", "{\"categories\": 12}");

            String how = KilledCanary.killSomewhere(CanaryMain.class, List.of(url, "sa", m.location(), "1500"), random);
            assertThat(how).as("trial %d", trial).doesNotContain("ERROR");

            ConfigReader config = DataRelease.configure().jdbc(url, "sa", null).config();
            String live = config.version().orElseThrow();
            assertThat(live).as("trial %d %s", trial, how).isIn("2", "3");
            assertThat(config.entries(live)).as("trial %d %s", trial, how).isEqualTo(EXPECTED.get(live));

            List<String[]> before = canaries(url);
            Canary next = DataRelease.configure().jdbc(url, "sa", null).locations(m.location())
                    .clock(new SteppingClock()).canary(CanaryCheck.of(() -> true)).window(Duration.ofSeconds(3))
                    .interval(Duration.ZERO).sleeper(d -> { });
            java.util.Optional<String> recovered = next.recover();
            String afterRecovery = config.version().orElseThrow();
            if (before.stream().anyMatch(r -> r[0].equals("RUNNING"))) {
                assertThat(recovered).as("trial %d %s", trial, how).contains("2");
                assertThat(config.version()).contains("2");
                assertThat(canaries(url)).as("trial %d %s", trial, how).anyMatch(r -> r[0].equals("INTERRUPTED"));
                if (before.stream().anyMatch(r -> r[0].equals("RUNNING") && "3".equals(r[1]))) {
                    interruptedAfterTheSwitch++;
                }
            } else {
                assertThat(recovered).as("trial %d %s", trial, how).isEmpty();
            }

            // The next start: a canary of the same locations. A V3 that an interrupted canary had
            // applied stays rolled back, like a failed canary's (a new version releases it again); a
            // V3 that had not committed is released now.
            CanaryResult again = next.release();
            assertThat(again.passed()).isTrue();
            String expected = again.release().appliedSteps().isEmpty() ? afterRecovery : "3";
            assertThat(config.version()).as("trial %d %s", trial, how).contains(expected);
            assertThat(config.entries(expected)).isEqualTo(EXPECTED.get(expected));
            assertThat(next.release().liveVersion()).as("converged: the start after is a no-op").isEqualTo(expected);
            assertThat(canaries(url)).as("trial %d %s", trial, how).noneMatch(r -> r[0].equals("RUNNING"));
            assertThat(count(url, "SELECT COUNT(*) FROM drm_release WHERE status = 'RUNNING'")).isZero();
        }
        assertThat(interruptedAfterTheSwitch).as("trials killed inside the window after the switch").isPositive();
    }

    /** Status and released version of every canary recorded. */
    static List<String[]> canaries(String url) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT status, released_version FROM drm_canary")) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            } catch (SQLException e) {
                return out; // no canary recorded its start yet
            }
        }
        return out;
    }

    static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
