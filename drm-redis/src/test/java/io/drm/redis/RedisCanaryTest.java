package io.drm.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.Canary;
import io.drm.CanaryCheck;
import io.drm.CanaryResult;
import io.drm.ConfigReader;
import io.drm.DataRelease;
import io.drm.ReleaseResult;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.RecordingSink;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration releases and canaries through {@code DataRelease} with the Redis store, on every
 * database (which holds the release ledger) and the real Redis.
 */
final class RedisCanaryTest {

    @TempDir
    Path dir;

    /** A clock that advances one second each time it is read: deterministic windows, no sleeps. */
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

    private Migrations base(TestDatabase db, RedisConfigStore store) {
        Migrations m = Migrations.in(dir).add("V1__create_t.sql", "CREATE TABLE t (id INT PRIMARY KEY);\n")
                .add("V2__flags.config.json", "{\"categories\": 10, \"banner\": \"spring\"}");
        DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).configStore(store).plan().apply();
        return m.add("V3__flags.config.json", "{\"categories\": 12}");
    }

    private Canary canary(TestDatabase db, RedisConfigStore store, Migrations m, RecordingSink sink, CanaryCheck check) {
        return DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).configStore(store)
                .auditSink(sink).clock(new SteppingClock()).canary(check).window(Duration.ofSeconds(30))
                .interval(Duration.ZERO).sleeper(d -> { });
    }

    private static boolean hasTable(TestDatabase db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM " + table).close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @OnEachDatabase
    void a_release_puts_its_documents_in_redis_and_they_read_back_by_version(DbKind kind) throws SQLException {
        try (TestDatabase db = TestDatabase.create(kind); TestRedis redis = TestRedis.create();
                RedisConfigStore store = redis.open()) {
            Migrations m = base(db, store);
            ReleaseResult r = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .configStore(store).plan().apply();
            assertThat(r.outcome()).isEqualTo(ReleaseResult.Outcome.APPLIED);
            ConfigReader config = DataRelease.configure().dataSource(db.dataSource()).configStore(store).config();
            assertThat(config.version()).contains("3");
            assertThat(config.versions()).containsExactly("2", "3");
            assertThat(config.get("categories")).contains("12");
            assertThat(config.get("banner")).contains("\"spring\"");
            assertThat(config.get("categories", "2")).contains("10");
            assertThat(store.previousVersion()).contains("2");
            assertThat(hasTable(db, "drm_config")).as("the database's own store is not used").isFalse();
            assertThat(DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).configStore(store)
                    .onStartup().outcome()).isEqualTo(ReleaseResult.Outcome.UP_TO_DATE);
        }
    }

    @OnEachDatabase
    void a_healthy_canary_keeps_the_new_configuration_in_redis(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind); TestRedis redis = TestRedis.create();
                RedisConfigStore store = redis.open()) {
            Migrations m = base(db, store);
            RecordingSink sink = RecordingSink.recording();
            CanaryResult r = canary(db, store, m, sink, CanaryCheck.of(() -> true)).release();
            assertThat(r.passed()).isTrue();
            assertThat(r.previousVersion()).isEqualTo("2");
            assertThat(r.liveVersion()).isEqualTo("3");
            assertThat(r.values()).hasSizeGreaterThan(1).containsOnly(1.0);
            assertThat(store.liveVersion()).contains("3");
            assertThat(store.get("categories", "3")).contains("12");
            assertThat(sink.actions()).contains("canary.passed").doesNotContain("canary.rolled_back");
            assertThat(sink.events().get(sink.actions().indexOf("canary.passed")).details())
                    .containsEntry("configStore", store.describe());
        }
    }

    @OnEachDatabase
    void a_kpi_below_the_threshold_switches_redis_back(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind); TestRedis redis = TestRedis.create();
                RedisConfigStore store = redis.open()) {
            Migrations m = base(db, store);
            RecordingSink sink = RecordingSink.recording();
            AtomicInteger polls = new AtomicInteger();
            CanaryResult r = canary(db, store, m, sink, () -> polls.incrementAndGet() == 1 ? 3.0 : 0.1).release();
            assertThat(r.rolledBack()).isTrue();
            assertThat(r.values()).containsExactly(3.0, 0.1);
            assertThat(r.liveVersion()).isEqualTo("2");
            assertThat(store.liveVersion()).contains("2");
            assertThat(store.previousVersion()).contains("3");
            assertThat(DataRelease.configure().dataSource(db.dataSource()).configStore(store).config()
                    .get("categories")).contains("10");
            assertThat(sink.events().get(sink.actions().indexOf("canary.rolled_back")).details())
                    .containsEntry("values", "3.0,0.1").containsEntry("liveVersion", "2");
        }
    }

    @OnEachDatabase
    void a_health_check_that_throws_rolls_redis_back(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind); TestRedis redis = TestRedis.create();
                RedisConfigStore store = redis.open()) {
            Migrations m = base(db, store);
            RecordingSink sink = RecordingSink.recording();
            CanaryResult r = canary(db, store, m, sink, () -> {
                throw new IllegalStateException("KPI service down");
            }).release();
            assertThat(r.rolledBack()).isTrue();
            assertThat(r.failure()).contains("poll 1 threw").contains("KPI service down");
            assertThat(r.values()).hasSize(1).allMatch(v -> v.isNaN());
            assertThat(store.liveVersion()).contains("2");
            assertThat(sink.actions()).contains("canary.rolled_back");
        }
    }

    @OnEachDatabase
    void an_unreachable_redis_refuses_the_release_and_the_canary_before_anything_switches(DbKind kind)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); TestRedis redis = TestRedis.create();
                RedisConfigStore direct = redis.open(); CutProxy proxy = new CutProxy();
                RedisConfigStore store = redis.builder().port(proxy.port()).maxConnections(1)
                        .password("never-Shown-9").build()) {
            Migrations m = base(db, store);
            proxy.cut();
            RecordingSink sink = RecordingSink.recording();
            assertThatThrownBy(() -> canary(db, store, m, sink, () -> 1.0).release())
                    .isInstanceOfSatisfying(RedisUnavailableException.class, e -> {
                        assertThat(e.code().id()).isEqualTo("DRM-REDIS-001");
                        assertThat(e.getMessage()).contains("127.0.0.1:" + proxy.port())
                                .doesNotContain("never-Shown-9");
                    });
            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .configStore(store).plan().apply()).isInstanceOf(RedisUnavailableException.class);
            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .configStore(store).onStartup()).isInstanceOf(RedisUnavailableException.class);
            assertThat(DataRelease.plan(db.dataSource(), m.location()).steps()).as("V3 is still pending").hasSize(1);
            assertThat(direct.liveVersion()).contains("2");
            assertThat(direct.versions()).containsExactly("2");
            assertThat(sink.actions()).isEmpty();
        }
    }

    /** Stands for the process dying inside the window: escapes the canary without it finishing. */
    private static final class Died extends Error {
        private static final long serialVersionUID = 1L;
    }

    @OnEachDatabase
    void a_canary_that_never_finished_is_switched_back_in_redis_by_recover(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind); TestRedis redis = TestRedis.create();
                RedisConfigStore store = redis.open()) {
            Migrations m = base(db, store);
            assertThatThrownBy(() -> canary(db, store, m, RecordingSink.recording(), () -> {
                throw new Died();
            }).release()).isInstanceOf(Died.class);
            assertThat(store.liveVersion()).contains("3");
            RecordingSink sink = RecordingSink.recording();
            assertThat(canary(db, store, m, sink, () -> 1.0).recover()).contains("2");
            assertThat(store.liveVersion()).contains("2");
            assertThat(store.previousVersion()).contains("3");
            assertThat(sink.actions()).containsExactly("canary.interrupted");
            assertThat(sink.events().get(0).details()).containsEntry("configStore", store.describe())
                    .containsEntry("liveVersion", "2");
        }
    }

    @OnEachDatabase
    void a_rollback_below_a_configuration_version_switches_redis_back_with_it(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind); TestRedis redis = TestRedis.create();
                RedisConfigStore store = redis.open()) {
            Migrations m = base(db, store);
            DataRelease.Builder drm = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .configStore(store);
            drm.plan().apply();
            assertThat(store.liveVersion()).contains("3");
            RecordingSink sink = RecordingSink.recording();
            ReleaseResult back = drm.auditSink(sink).rollback().toVersion("2").apply();
            assertThat(back.outcome()).isEqualTo(ReleaseResult.Outcome.ROLLED_BACK);
            assertThat(store.liveVersion()).contains("2");
            assertThat(sink.events().get(sink.actions().indexOf("release.rolled_back")).details())
                    .containsEntry("configVersion", "2");
            drm.plan().apply();
            assertThat(store.liveVersion()).as("released again").contains("3");
        }
    }
}
