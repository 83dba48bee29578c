package io.drm.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.AuditException;
import io.drm.DataRelease;
import io.drm.ReleaseResult;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** The release engine writing its audit trail to drm_audit_log in the database it releases to. */
final class EngineJdbcAuditTest {

    static final AuditSigningKey KEY = AuditSigningKey.generate(new SecureRandom());

    @TempDir
    Path dir;

    @OnEachDatabase
    void release_completed_names_the_signed_checkpoint_and_the_table_log_verifies(DbKind kind) {
        Migrations m = Migrations.in(dir.resolve("db")).standard();
        try (TestDatabase db = TestDatabase.create(kind);
                JdbcAuditSink sink = JdbcAuditSink.builder(db.dataSource()).signingKey(KEY).build()) {
            ReleaseResult result = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .environment("prod").actor("ci").auditSink(sink).plan().apply();
            assertThat(result.appliedSteps()).hasSize(3);
            assertThat(sink.size()).isEqualTo(5);

            AuditEntry completed;
            try (Stream<AuditEntry> entries = AuditLog.forTable(db.dataSource())
                    .query(AuditQuery.all().action("release.completed"))) {
                List<AuditEntry> all = entries.toList();
                assertThat(all).hasSize(1);
                completed = all.get(0);
            }
            assertThat(completed.event().details()).containsEntry("auditTreeSize", "4")
                    .containsEntry("auditKeyId", KEY.keyId());
            Checkpoint named = AuditVerifier.forTable(db.dataSource()).verify().latestCheckpoint();
            assertThat(db.queryStrings("SELECT root_hash FROM drm_audit_checkpoint WHERE tree_size = 4"))
                    .containsExactly(completed.event().details().get("auditRootHash"));

            sink.checkpoint();
            VerificationReport report = AuditVerifier.forTable(db.dataSource())
                    .trusting(TrustedKeys.of(KEY.publicKey())).verify();
            assertThat(report.ok()).as(report.toString()).isTrue();
            assertThat(report.entries()).isEqualTo(5);
            assertThat(named).isNotNull();
        }
    }

    @OnEachDatabase
    void replicas_starting_at_once_each_with_its_own_sink_release_once_and_audit_in_one_chain(DbKind kind)
            throws Exception {
        Migrations m = Migrations.in(dir.resolve("db")).standard();
        try (TestDatabase db = TestDatabase.create(kind)) {
            int replicas = 4;
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(replicas);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(replicas);
            List<ReleaseResult> results = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            try {
                List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
                for (int r = 0; r < replicas; r++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        try (JdbcAuditSink sink = JdbcAuditSink.builder(db.dataSource()).signingKey(KEY).build()) {
                            results.add(DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                                    .auditSink(sink).onStartup());
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(results).filteredOn(r -> r.outcome() == ReleaseResult.Outcome.APPLIED).hasSize(1);
            assertThat(db.queryLong("SELECT COUNT(*) FROM customer")).isEqualTo(1);
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_audit_log WHERE action = 'release.completed'"))
                    .isEqualTo(1);
            VerificationReport report = AuditVerifier.forTable(db.dataSource())
                    .trusting(TrustedKeys.of(KEY.publicKey())).verify();
            assertThat(report.ok()).as(report.toString()).isTrue();
        }
    }

    @OnEachDatabase
    void a_sink_whose_database_is_gone_stops_the_release_before_anything_is_applied(DbKind kind) {
        Migrations m = Migrations.in(dir.resolve("db")).standard();
        try (TestDatabase db = TestDatabase.create(kind); TestDatabase auditDb = TestDatabase.create(DbKind.H2)) {
            FlakyDataSource flaky = new FlakyDataSource(auditDb.dataSource());
            JdbcAuditSink sink = JdbcAuditSink.open(flaky);
            flaky.down.set("connection refused");
            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .auditSink(sink).plan().apply())
                    .isInstanceOf(AuditException.class)
                    .hasMessageContaining("release.started")
                    .hasRootCauseInstanceOf(java.sql.SQLException.class);
            assertThat(db.tableExists("customer")).isFalse();
        }
    }
}
