package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.RecordingSink;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary configuration releases on the JDBC store: pass, automatic rollback, and recovery of an
 * interrupted canary, on every database.
 */
final class CanaryTest {

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

    private Migrations base(TestDatabase db) {
        Migrations m = Migrations.in(dir).add("V1__create_t.sql", "CREATE TABLE t (id INT PRIMARY KEY);\n")
                .add("V2__flags.config.json", "{\"categories\": 10}");
        DataRelease.plan(db.dataSource(), m.location()).apply();
        return m.add("V3__flags.config.json", "{\"categories\": 12}");
    }

    private Canary canary(TestDatabase db, Migrations m, RecordingSink sink, CanaryCheck check) {
        return DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).auditSink(sink)
                .clock(new SteppingClock()).canary(check).window(Duration.ofSeconds(30)).interval(Duration.ZERO)
                .sleeper(d -> { });
    }

    @OnEachDatabase
    void a_healthy_canary_keeps_the_new_configuration(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = base(db);
            RecordingSink sink = RecordingSink.recording();
            AtomicInteger polls = new AtomicInteger();
            CanaryResult r = canary(db, m, sink, CanaryCheck.of(() -> polls.incrementAndGet() > 0)).release();
            assertThat(r.passed()).isTrue();
            assertThat(r.previousVersion()).isEqualTo("2");
            assertThat(r.releasedVersion()).isEqualTo("3");
            assertThat(r.liveVersion()).isEqualTo("3");
            assertThat(r.values()).hasSizeGreaterThan(1).containsOnly(1.0);
            assertThat(DataRelease.configure().dataSource(db.dataSource()).config().get("categories")).contains("12");
            assertThat(sink.actions()).contains("canary.passed").doesNotContain("canary.rolled_back");
        }
    }

    @OnEachDatabase
    void a_kpi_below_the_threshold_rolls_the_configuration_back(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = base(db);
            RecordingSink sink = RecordingSink.recording();
            AtomicInteger polls = new AtomicInteger();
            CanaryResult r = canary(db, m, sink, () -> polls.incrementAndGet() == 1 ? 3.0 : 0.1).release();
            assertThat(r.rolledBack()).isTrue();
            assertThat(r.values()).containsExactly(3.0, 0.1);
            assertThat(r.liveVersion()).isEqualTo("2");
            ConfigReader config = DataRelease.configure().dataSource(db.dataSource()).config();
            assertThat(config.version()).contains("2");
            assertThat(config.get("categories")).contains("10");
            assertThat(sink.actions()).contains("canary.rolled_back").doesNotContain("canary.passed");
            assertThat(sink.events().get(sink.actions().indexOf("canary.rolled_back")).details())
                    .containsEntry("values", "3.0,0.1").containsEntry("liveVersion", "2");
        }
    }

    @OnEachDatabase
    void a_check_that_throws_on_the_second_poll_rolls_back(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = base(db);
            RecordingSink sink = RecordingSink.recording();
            AtomicInteger polls = new AtomicInteger();
            CanaryResult r = canary(db, m, sink, () -> {
                if (polls.incrementAndGet() == 2) {
                    throw new IllegalStateException("KPI service down");
                }
                return 5.0;
            }).release();
            assertThat(r.rolledBack()).isTrue();
            assertThat(r.values()).hasSize(2).first().isEqualTo(5.0);
            assertThat(r.failure()).contains("poll 2 threw").contains("KPI service down");
            assertThat(DataRelease.configure().dataSource(db.dataSource()).config().get("categories")).contains("10");
        }
    }

    @OnEachDatabase
    void a_canary_without_a_live_configuration_is_refused_before_releasing(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).add("V1__flags.config.json", "{\"a\": 1}");
            assertThatThrownBy(() -> canary(db, m, RecordingSink.recording(), () -> 1.0).release())
                    .isInstanceOfSatisfying(CanaryException.class,
                            e -> assertThat(e.code().id()).isEqualTo("DRM-PROMO-010"));
            assertThat(DataRelease.plan(db.dataSource(), m.location()).steps()).hasSize(1);
        }
    }

    /** Stands for the process dying inside the window: escapes the canary without it finishing. */
    private static final class Died extends Error {
        private static final long serialVersionUID = 1L;
    }

    @OnEachDatabase
    void a_canary_that_never_finished_is_switched_back_and_audited_by_the_next_canary(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = base(db);
            AtomicInteger polls = new AtomicInteger();
            assertThatThrownBy(() -> canary(db, m, RecordingSink.recording(), () -> {
                if (polls.incrementAndGet() == 2) {
                    throw new Died();
                }
                return 1.0;
            }).release()).isInstanceOf(Died.class);
            ConfigReader config = DataRelease.configure().dataSource(db.dataSource()).config();
            assertThat(config.version()).as("the interrupted canary left version 3 live").contains("3");

            RecordingSink sink = RecordingSink.recording();
            Canary next = canary(db, m, sink, () -> 1.0);
            assertThat(next.recover()).contains("2");
            assertThat(config.version()).contains("2");
            assertThat(config.get("categories")).contains("10");
            assertThat(sink.actions()).containsExactly("canary.interrupted");
            assertThat(sink.events().get(0).details()).containsEntry("previousVersion", "2")
                    .containsEntry("releasedVersion", "3").containsEntry("foundVersion", "3")
                    .containsEntry("liveVersion", "2");
            assertThat(next.recover()).as("recovered once").isEmpty();

            CanaryResult again = next.release();
            assertThat(again.passed()).isTrue();
            assertThat(again.liveVersion()).as("an applied step stays rolled back, as after a failed canary")
                    .isEqualTo("2");
            assertThat(sink.actions()).containsOnlyOnce("canary.interrupted").contains("canary.passed");
        }
    }
}
