package io.drm.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.Canary;
import io.drm.CanaryCheck;
import io.drm.CanaryResult;
import io.drm.DataRelease;
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
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canary child JVM on the Redis store (ledger in H2 file mode), killed with SIGKILL inside its
 * window or at a random point (8 trials): Redis is always at a recorded version with that version's
 * whole document and a consistent previous pointer, {@link Canary#recover()} switches an interrupted
 * canary back, and the next canary converges. Runs in the {@code crash} profile
 * ({@code mvn -B -pl drm-core,drm-redis -Pcrash verify}).
 */
@Tag("crash")
final class RedisCanaryKillTest {

    private static final Map<String, Map<String, String>> EXPECTED = Map.of(
            "2", Map.of("banner", "\"spring\"", "categories", "10"),
            "3", Map.of("banner", "\"spring\"", "categories", "12"));

    @TempDir
    Path dir;

    /** A clock that advances one second each time it is read. */
    private static final class SteppingClock extends Clock {
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
    void a_killed_canary_leaves_redis_at_a_recorded_version_and_the_next_start_converges() throws Exception {
        Random random = new Random(20261208L);
        int interruptedAfterTheSwitch = 0;
        for (int trial = 0; trial < 8; trial++) {
            try (TestRedis redis = TestRedis.create(); RedisConfigStore store = redis.open()) {
                // H2 flushes a commit to the file only after its write delay; without it a kill soon after the switch
                // would lose the switch's commit, and whether any trial is killed after the switch would depend on speed.
                String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("trial" + trial).resolve("db")
                        + ";FILE_LOCK=FS;WRITE_DELAY=0";
                Migrations m = Migrations.in(dir.resolve("m" + trial))
                        .add("V1__create_t.sql", "CREATE TABLE t (id INT PRIMARY KEY);\n")
                        .add("V2__flags.config.json", "{\"categories\": 10, \"banner\": \"spring\"}");
                DataRelease.configure().jdbc(url, "sa", null).locations(m.location()).configStore(store).plan()
                        .apply();
                m.add("V3__flags.config.json", "{\"categories\": 12}");

                String how = KilledCanary.killSomewhere(RedisCanaryMain.class,
                        List.of(url, "sa", m.location(), "1500", redis.prefix()), random);
                assertThat(how).as("trial %d", trial).doesNotContain("ERROR");

                String live = store.liveVersion().orElseThrow();
                assertThat(live).as("trial %d %s", trial, how).isIn("2", "3");
                assertThat(store.entries(live)).as("trial %d %s", trial, how).isEqualTo(EXPECTED.get(live));
                if (live.equals("3")) {
                    assertThat(store.previousVersion()).as("trial %d %s", trial, how).contains("2");
                }
                for (String v : store.versions()) {
                    assertThat(store.entries(v)).as("trial %d %s: version %s whole", trial, how, v)
                            .isEqualTo(EXPECTED.get(v));
                }

                List<String[]> before = canaries(url);
                Canary next = DataRelease.configure().jdbc(url, "sa", null).locations(m.location())
                        .configStore(store).clock(new SteppingClock()).canary(CanaryCheck.of(() -> true))
                        .window(Duration.ofSeconds(3)).interval(Duration.ZERO).sleeper(d -> { });
                Optional<String> recovered = next.recover();
                String afterRecovery = store.liveVersion().orElseThrow();
                if (before.stream().anyMatch(r -> r[0].equals("RUNNING"))) {
                    assertThat(recovered).as("trial %d %s", trial, how).contains("2");
                    assertThat(afterRecovery).isEqualTo("2");
                    if (before.stream().anyMatch(r -> r[0].equals("RUNNING") && "3".equals(r[1]))) {
                        interruptedAfterTheSwitch++;
                    }
                } else {
                    assertThat(recovered).as("trial %d %s", trial, how).isEmpty();
                }

                CanaryResult again = next.release();
                assertThat(again.passed()).isTrue();
                String expected = again.release().appliedSteps().isEmpty() ? afterRecovery : "3";
                assertThat(store.liveVersion()).as("trial %d %s", trial, how).contains(expected);
                assertThat(next.release().liveVersion()).as("converged: the start after is a no-op")
                        .isEqualTo(expected);
                assertThat(canaries(url)).as("trial %d %s", trial, how).noneMatch(r -> r[0].equals("RUNNING"));
                assertThat(count(url, "SELECT COUNT(*) FROM drm_release WHERE status = 'RUNNING'")).isZero();
            }
        }
        assertThat(interruptedAfterTheSwitch).as("trials killed inside the window after the switch").isPositive();
    }

    private static List<String[]> canaries(String url) throws SQLException {
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

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
