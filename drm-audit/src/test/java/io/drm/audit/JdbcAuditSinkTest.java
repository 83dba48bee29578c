package io.drm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.DrmException;
import io.drm.spi.AuditEvent;
import io.drm.testing.DbKind;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/** The JDBC sink on H2, PostgreSQL and MariaDB: chain, checkpoints, many writers, failures. */
final class JdbcAuditSinkTest {

    static final AuditSigningKey KEY = AuditSigningKey.generate(new SecureRandom());

    @OnEachDatabase
    void appended_events_form_a_log_that_verifies_with_a_signed_checkpoint_at_close(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            try (JdbcAuditSink sink = JdbcAuditSink.builder(db.dataSource()).signingKey(KEY).build()) {
                for (int i = 1; i <= 25; i++) {
                    sink.append(Events.event(i));
                }
                assertThat(sink.size()).isEqualTo(25);
            }
            VerificationReport report = AuditVerifier.forTable(db.dataSource())
                    .trusting(TrustedKeys.of(KEY.publicKey())).verify();
            assertThat(report.ok()).as(report.toString()).isTrue();
            assertThat(report.entries()).isEqualTo(25);
            assertThat(report.latestCheckpoint().treeSize()).isEqualTo(25);
            assertThat(report.latestCheckpoint().keyId()).isEqualTo(KEY.keyId());
            assertThat(db.queryStrings("SELECT release_id FROM drm_audit_log WHERE seq = 12")).containsExactly("rel-1");
            assertThat(db.queryStrings("SELECT action FROM drm_audit_log WHERE seq = 3"))
                    .containsExactly("release.completed");
        }
    }

    @OnEachDatabase
    void entries_are_stored_exactly_including_non_ascii_text(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind); JdbcAuditSink sink = JdbcAuditSink.open(db.dataSource())) {
            sink.append(AuditEvent.of("e-1", Instant.parse("2026-12-01T10:00:00.123456Z"), "zo\u00eb", "release.started",
                    "prod", "t", AuditEvent.Outcome.UNKNOWN, Map.of("note", "\u65e5\u672c \ud83d\ude00 \"q\" \\ \t")));
            try (java.util.stream.Stream<AuditEntry> entries = AuditLog.forTable(db.dataSource()).query(AuditQuery.all())) {
                AuditEntry entry = entries.findFirst().orElseThrow();
                assertThat(entry.event().actor()).isEqualTo("zo\u00eb");
                assertThat(entry.event().details()).containsEntry("note", "\u65e5\u672c \ud83d\ude00 \"q\" \\ \t");
                assertThat(entry.event().time()).isEqualTo(Instant.parse("2026-12-01T10:00:00.123456Z"));
            }
            assertThat(AuditVerifier.forTable(db.dataSource()).verify().intact()).isTrue();
        }
    }

    @OnEachDatabase
    void a_reopened_sink_continues_the_same_chain(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            try (JdbcAuditSink sink = JdbcAuditSink.open(db.dataSource())) {
                sink.append(Events.event(1));
                sink.append(Events.event(2));
            }
            try (JdbcAuditSink sink = JdbcAuditSink.open(db.dataSource())) {
                assertThat(sink.size()).isEqualTo(2);
                sink.appendAll(List.of(Events.event(3), Events.event(4), Events.event(5)));
            }
            VerificationReport report = AuditVerifier.forTable(db.dataSource()).verify();
            assertThat(report.intact()).as(report.toString()).isTrue();
            assertThat(report.entries()).isEqualTo(5);
            assertThat(db.queryLong("SELECT MAX(seq) FROM drm_audit_log")).isEqualTo(5);
        }
    }

    @OnEachDatabase
    void checkpoints_are_written_every_n_events_and_after_the_interval(DbKind kind) {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        try (TestDatabase db = TestDatabase.create(kind)) {
            try (JdbcAuditSink sink = JdbcAuditSink.builder(db.dataSource()).signingKey(KEY)
                    .checkpointEvery(10, Duration.ofMinutes(5)).clock(clock).build()) {
                for (int i = 1; i <= 23; i++) {
                    sink.append(Events.event(i));
                }
                assertThat(db.queryStrings("SELECT tree_size FROM drm_audit_checkpoint ORDER BY tree_size"))
                        .containsExactly("10", "20");
                clock.advance(Duration.ofMinutes(6));
                sink.append(Events.event(24));
                assertThat(db.queryStrings("SELECT tree_size FROM drm_audit_checkpoint ORDER BY tree_size"))
                        .containsExactly("10", "20", "24");
                assertThat(sink.latestCheckpoint().treeSize()).isEqualTo(24);
                assertThat(db.queryLong("SELECT COUNT(*) FROM drm_audit_checkpoint")).isEqualTo(3);
            }
            VerificationReport report = AuditVerifier.forTable(db.dataSource())
                    .trusting(TrustedKeys.of(KEY.publicKey())).verify();
            assertThat(report.ok()).as(report.toString()).isTrue();
            assertThat(report.checkpoints()).isEqualTo(3);
        }
    }

    @OnEachDatabase
    void eight_threads_on_one_sink_and_two_more_sinks_make_one_gap_free_chain(DbKind kind) throws Exception {
        int perThread = 150;
        try (TestDatabase db = TestDatabase.create(kind);
                JdbcAuditSink shared = JdbcAuditSink.builder(db.dataSource()).signingKey(KEY).build();
                JdbcAuditSink second = JdbcAuditSink.builder(db.dataSource()).signingKey(KEY).build();
                JdbcAuditSink third = JdbcAuditSink.open(db.dataSource())) {
            ExecutorService pool = Executors.newFixedThreadPool(10);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 10; t++) {
                    JdbcAuditSink sink = t < 8 ? shared : t == 8 ? second : third;
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            sink.append(Events.event(thread * 1000 + i));
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(shared.size()).isEqualTo(10L * perThread);
            assertThat(db.queryLong("SELECT COUNT(DISTINCT event_id) FROM drm_audit_log")).isEqualTo(10L * perThread);
            assertThat(db.queryLong("SELECT MIN(seq) FROM drm_audit_log")).isEqualTo(1);
            assertThat(db.queryLong("SELECT MAX(seq) FROM drm_audit_log")).isEqualTo(10L * perThread);
            shared.checkpoint();
            VerificationReport report = AuditVerifier.forTable(db.dataSource())
                    .trusting(TrustedKeys.of(KEY.publicKey())).verify();
            assertThat(report.ok()).as(report.toString()).isTrue();
            assertThat(report.entries()).isEqualTo(10L * perThread);
        }
    }

    @OnEachDatabase
    void concurrent_appends_share_one_chain_with_at_most_one_transaction_each(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind); JdbcAuditSink sink = JdbcAuditSink.open(db.dataSource())) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 100; i++) {
                            sink.append(Events.event(thread * 1000 + i));
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(sink.size()).isEqualTo(1600);
            // never more than one transaction an event; how many fewer depends on scheduling and is
            // measured by drm-bench's TimingChecks
            assertThat(sink.transactions()).as("transactions for 1600 events from 16 threads").isBetween(1L, 1600L);
            assertThat(AuditVerifier.forTable(db.dataSource()).verify().intact()).isTrue();
        }
    }

    @OnEachDatabase
    void append_all_writes_a_list_in_batches_of_at_most_max_batch(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind);
                JdbcAuditSink sink = JdbcAuditSink.builder(db.dataSource()).maxBatch(100).build()) {
            List<AuditEvent> events = new ArrayList<>();
            for (int i = 0; i < 450; i++) {
                events.add(Events.event(i));
            }
            sink.appendAll(events);
            assertThat(sink.size()).isEqualTo(450);
            assertThat(sink.transactions()).isBetween(5L, 450L);
            assertThat(db.queryStrings("SELECT event_id FROM drm_audit_log ORDER BY seq").get(449)).isEqualTo("event-449");
        }
    }

    @OnEachDatabase
    void sinks_opening_at_once_on_a_fresh_database_create_the_tables_once_and_share_one_chain(DbKind kind)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            int n = 6;
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(n);
            ExecutorService pool = Executors.newFixedThreadPool(n);
            List<JdbcAuditSink> sinks = java.util.Collections.synchronizedList(new ArrayList<>());
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < n; t++) {
                    int thread = t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        JdbcAuditSink sink = JdbcAuditSink.open(db.dataSource());
                        sinks.add(sink);
                        for (int i = 0; i < 20; i++) {
                            sink.append(Events.event(thread * 100 + i));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
                for (JdbcAuditSink sink : sinks) {
                    sink.close();
                }
            }
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_audit_head")).isEqualTo(1);
            VerificationReport report = AuditVerifier.forTable(db.dataSource()).verify();
            assertThat(report.intact()).as(report.toString()).isTrue();
            assertThat(report.entries()).isEqualTo(n * 20L);
        }
    }

    @OnEachDatabase
    void a_dropped_table_makes_append_fail_loudly_and_record_nothing(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind); JdbcAuditSink sink = JdbcAuditSink.open(db.dataSource())) {
            sink.append(Events.event(1));
            db.execute("DROP TABLE drm_audit_log");
            assertThatThrownBy(() -> sink.append(Events.event(2)))
                    .isInstanceOf(AuditStoreException.class)
                    .hasMessageContaining("drm_audit_log")
                    .satisfies(e -> assertThat(((DrmException) e).code().id()).isEqualTo("DRM-AUDIT-002"));
            assertThat(sink.size()).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void a_lost_connection_fails_loudly_and_the_sink_goes_on_when_the_database_is_back(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            FlakyDataSource flaky = new FlakyDataSource(db.dataSource());
            try (JdbcAuditSink sink = JdbcAuditSink.open(flaky)) {
                sink.append(Events.event(1));
                flaky.down.set("connection refused");
                assertThatThrownBy(() -> sink.append(Events.event(2)))
                        .isInstanceOf(AuditStoreException.class)
                        .hasMessageContaining("connection refused")
                        .satisfies(e -> assertThat(((DrmException) e).code().id()).isEqualTo("DRM-AUDIT-002"));
                flaky.down.set(null);
                sink.append(Events.event(3));
            }
            VerificationReport report = AuditVerifier.forTable(db.dataSource()).verify();
            assertThat(report.intact()).as(report.toString()).isTrue();
            assertThat(report.entries()).isEqualTo(2);
        }
    }

    @OnEachDatabase
    void rows_deleted_outside_the_sink_stop_it_from_opening(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            try (JdbcAuditSink sink = JdbcAuditSink.open(db.dataSource())) {
                for (int i = 1; i <= 5; i++) {
                    sink.append(Events.event(i));
                }
            }
            db.execute("DELETE FROM drm_audit_log WHERE seq = 5");
            assertThatThrownBy(() -> JdbcAuditSink.open(db.dataSource()))
                    .isInstanceOf(AuditStoreException.class)
                    .hasMessageContaining("last row of drm_audit_log is seq 4")
                    .hasMessageContaining("AuditVerifier");
        }
    }

    @OnEachDatabase
    void a_lost_head_row_is_rebuilt_from_the_log(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            try (JdbcAuditSink sink = JdbcAuditSink.open(db.dataSource())) {
                for (int i = 1; i <= 7; i++) {
                    sink.append(Events.event(i));
                }
            }
            db.execute("DELETE FROM drm_audit_head");
            try (JdbcAuditSink sink = JdbcAuditSink.open(db.dataSource())) {
                assertThat(sink.size()).isEqualTo(7);
                sink.append(Events.event(8));
            }
            VerificationReport report = AuditVerifier.forTable(db.dataSource()).verify();
            assertThat(report.intact()).as(report.toString()).isTrue();
            assertThat(report.entries()).isEqualTo(8);
        }
    }

    @OnEachDatabase
    void a_closed_sink_refuses_events_and_closing_twice_is_safe(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            JdbcAuditSink sink = JdbcAuditSink.open(db.dataSource());
            sink.close();
            sink.close();
            assertThatThrownBy(() -> sink.append(Events.event(1))).isInstanceOf(AuditStoreException.class)
                    .hasMessageContaining("closed");
        }
    }

    @org.junit.jupiter.api.Test
    void builder_rejects_nonsense() {
        assertThatThrownBy(() -> JdbcAuditSink.builder(null)).isInstanceOf(NullPointerException.class);
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            assertThatThrownBy(() -> JdbcAuditSink.builder(db.dataSource()).maxBatch(0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> JdbcAuditSink.builder(db.dataSource()).checkpointEvery(0, Duration.ofSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
