package io.drm.audit;

import static io.drm.audit.QueryLogs.SUB_MILLI;
import static io.drm.audit.QueryLogs.T;
import static io.drm.audit.QueryLogs.seqs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.spi.AuditEvent;
import io.drm.testing.DbKind;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

final class AuditLogTableTest {

    private static TestDatabase withLog(DbKind kind) {
        TestDatabase db = TestDatabase.create(kind);
        QueryLogs.createTable(db);
        QueryLogs.insert(db, QueryLogs.events());
        return db;
    }

    @OnEachDatabase
    void all_returns_every_entry_with_its_event(DbKind kind) {
        try (TestDatabase db = withLog(kind); Stream<AuditEntry> entries =
                AuditLog.forTable(db.dataSource()).query(AuditQuery.all())) {
            List<AuditEntry> all = entries.toList();
            assertThat(all).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(all).extracting(AuditEntry::event).containsExactlyElementsOf(QueryLogs.events());
        }
    }

    @OnEachDatabase
    void entries_come_in_sequence_order_whatever_the_insert_order(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            QueryLogs.createTable(db);
            QueryLogs.insert(db, QueryLogs.events(), List.of(7, 3, 10, 1, 5, 9, 2, 8, 4, 6));
            assertThat(seqs(AuditLog.forTable(db.dataSource()), AuditQuery.all().environment("prod")))
                    .containsExactly(1L, 2L, 3L, 6L, 7L, 8L, 9L, 10L);
        }
    }

    @OnEachDatabase
    void the_period_includes_from_and_excludes_until(DbKind kind) {
        try (TestDatabase db = withLog(kind)) {
            assertThat(seqs(AuditLog.forTable(db.dataSource()), AuditQuery.all().from(T.plusSeconds(1))
                    .until(T.plusSeconds(11)))).containsExactly(2L, 3L, 4L);
        }
    }

    @OnEachDatabase
    void sub_millisecond_bounds_neither_lose_nor_add_entries(DbKind kind) {
        try (TestDatabase db = withLog(kind)) {
            AuditLog log = AuditLog.forTable(db.dataSource());
            assertThat(seqs(log, AuditQuery.all().from(SUB_MILLI.minusNanos(300_000)).until(SUB_MILLI.plusNanos(1))))
                    .containsExactly(8L);
            assertThat(seqs(log, AuditQuery.all().from(SUB_MILLI.plusNanos(1)).until(T.plusSeconds(31)))).isEmpty();
            assertThat(seqs(log, AuditQuery.all().from(T.plusSeconds(30)).until(SUB_MILLI))).isEmpty();
        }
    }

    @OnEachDatabase
    void actions_select_any_of_them(DbKind kind) {
        try (TestDatabase db = withLog(kind)) {
            assertThat(seqs(AuditLog.forTable(db.dataSource()), AuditQuery.all().action("release.completed",
                    "release.failed"))).containsExactly(3L, 5L, 10L);
        }
    }

    @OnEachDatabase
    void environment_selects_one(DbKind kind) {
        try (TestDatabase db = withLog(kind)) {
            assertThat(seqs(AuditLog.forTable(db.dataSource()), AuditQuery.all().environment("staging")))
                    .containsExactly(4L, 5L);
        }
    }

    @OnEachDatabase
    void release_id_selects_one_release(DbKind kind) {
        try (TestDatabase db = withLog(kind)) {
            assertThat(seqs(AuditLog.forTable(db.dataSource()), AuditQuery.all().releaseId("rel-C")))
                    .containsExactly(6L, 7L);
        }
    }

    @OnEachDatabase
    void actor_and_outcome_are_applied_to_the_entries(DbKind kind) {
        try (TestDatabase db = withLog(kind)) {
            AuditLog log = AuditLog.forTable(db.dataSource());
            assertThat(seqs(log, AuditQuery.all().actor("alice"))).containsExactly(1L, 2L, 3L, 9L, 10L);
            assertThat(seqs(log, AuditQuery.all().outcome(AuditEvent.Outcome.FAILURE))).containsExactly(5L, 10L);
        }
    }

    @OnEachDatabase
    void the_parts_combine(DbKind kind) {
        try (TestDatabase db = withLog(kind)) {
            assertThat(seqs(AuditLog.forTable(db.dataSource()), AuditQuery.all().from(T).until(T.plusSeconds(41))
                    .environment("prod").action("release.started", "release.failed").actor("alice")
                    .outcome(AuditEvent.Outcome.UNKNOWN))).containsExactly(1L, 9L);
        }
    }

    @OnEachDatabase
    void nothing_matches_gives_an_empty_stream(DbKind kind) {
        try (TestDatabase db = withLog(kind)) {
            AuditLog log = AuditLog.forTable(db.dataSource());
            assertThat(seqs(log, AuditQuery.all().releaseId("rel-Z"))).isEmpty();
            assertThat(log.count(AuditQuery.all().environment("prod").outcome(AuditEvent.Outcome.FAILURE)))
                    .isEqualTo(1);
        }
    }

    @OnEachDatabase
    void the_side_columns_select_the_rows_and_the_entry_must_agree(DbKind kind) {
        try (TestDatabase db = withLog(kind)) {
            db.execute("CREATE TABLE drm_audit_checkpoint (tree_size BIGINT NOT NULL PRIMARY KEY,"
                    + " root_hash CHAR(64) NOT NULL, cp_time VARCHAR(40) NOT NULL, key_id VARCHAR(100),"
                    + " signature VARCHAR(200))");
            db.execute("UPDATE drm_audit_log SET environment = 'dev' WHERE seq = 6");
            AuditLog log = AuditLog.forTable(db.dataSource());
            assertThat(seqs(log, AuditQuery.all().environment("prod"))).doesNotContain(6L);
            assertThat(seqs(log, AuditQuery.all().environment("dev"))).isEmpty();
            assertThat(AuditVerifier.forTable(db.dataSource()).verify().problem().kind())
                    .isEqualTo(Tampering.MODIFIED);
        }
    }

    @OnEachDatabase
    void closing_the_stream_releases_the_connection(DbKind kind) {
        try (TestDatabase db = withLog(kind)) {
            QueryLogs.CountingDataSource counting = new QueryLogs.CountingDataSource(db.dataSource());
            AuditLog log = AuditLog.forTable(counting.dataSource());
            Stream<AuditEntry> entries = log.query(AuditQuery.all());
            Iterator<AuditEntry> it = entries.iterator();
            assertThat(it.next().seq()).isEqualTo(1);
            assertThat(counting.open()).isEqualTo(1);

            entries.close();

            assertThat(counting.open()).isZero();
            assertThat(counting.opened()).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void count_releases_its_connection(DbKind kind) {
        try (TestDatabase db = withLog(kind)) {
            QueryLogs.CountingDataSource counting = new QueryLogs.CountingDataSource(db.dataSource());
            assertThat(AuditLog.forTable(counting.dataSource()).count(AuditQuery.all())).isEqualTo(10);
            assertThat(counting.open()).isZero();
        }
    }

    @OnEachDatabase
    void a_missing_table_is_an_audit_store_failure_naming_it(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            QueryLogs.CountingDataSource counting = new QueryLogs.CountingDataSource(db.dataSource());
            AuditLog log = AuditLog.forTable(counting.dataSource());
            assertThatThrownBy(() -> log.query(AuditQuery.all().environment("prod")))
                    .isInstanceOf(AuditStoreException.class).hasMessageContaining("drm_audit_log")
                    .satisfies(e -> assertThat(((AuditStoreException) e).code().id()).isEqualTo("DRM-AUDIT-002"));
            assertThat(counting.open()).isZero();
        }
    }
}
