package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.spi.AuditEvent;
import io.drm.testing.DbKind;
import io.drm.testing.RecordingSink;
import io.drm.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** In-place jobs append masking.completed or masking.failed, with counts and never a value. */
final class MaskingJobAuditTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");

    private static MaskingRules rules(TypedMasker email) {
        return MaskingRules.builder()
                .column("customer", "email", email)
                .column("customer", "name", TestMaskers.token())
                .build();
    }

    private static MaskingJob.Builder job(TestDatabase db, TypedMasker email, RecordingSink sink) {
        return MaskingJob.inPlace(db.dataSource(), rules(email)).batchSize(4).jobId("job-7").auditSink(sink)
                .environment("staging").actor("alice").clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void a_finished_job_appends_masking_completed_with_counts_per_column() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            JobFixtures.customers(db, 10);
            RecordingSink sink = RecordingSink.recording();

            job(db, TestMaskers.email(), sink).build().run();

            assertThat(sink.events()).hasSize(1);
            AuditEvent event = sink.events().get(0);
            assertThat(event.action()).isEqualTo("masking.completed");
            assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
            assertThat(event.time()).isEqualTo(NOW);
            assertThat(event.actor()).isEqualTo("alice");
            assertThat(event.environment()).isEqualTo("staging");
            assertThat(event.target()).startsWith("h2:");
            assertThat(event.details()).containsEntry("jobId", "job-7").containsEntry("mode", "in-place")
                    .containsEntry("tables", "CUSTOMER").containsEntry("rows", "10")
                    .containsEntry("CUSTOMER.EMAIL", "10").containsEntry("CUSTOMER.NAME", "9");
            assertThat(String.join(" ", event.details().values())).doesNotContain("corp.test", "Name ");
        }
    }

    @Test
    void a_failed_job_appends_masking_failed_with_what_was_committed() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            JobFixtures.customers(db, 10);
            RecordingSink sink = RecordingSink.recording();

            assertThatThrownBy(() -> job(db, TestMaskers.failingAfter(TestMaskers.email(), 5), sink).build().run())
                    .isInstanceOf(MaskingJobException.class);

            AuditEvent event = sink.events().get(0);
            assertThat(event.action()).isEqualTo("masking.failed");
            assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
            assertThat(event.details()).containsEntry("jobId", "job-7").containsEntry("failedTable", "CUSTOMER")
                    .containsEntry("rows", "4").containsEntry("CUSTOMER.EMAIL", "4")
                    .containsEntry("errorCode", "DRM-MASK-005");
            assertThat(event.details().get("error")).contains("after 4 rows committed");
            assertThat(String.join(" ", event.details().values())).doesNotContain("corp.test");
        }
    }

    @Test
    void rules_that_do_not_fit_are_audited_as_failed() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            JobFixtures.customers(db, 3);
            RecordingSink sink = RecordingSink.recording();
            MaskingRules bad = MaskingRules.builder().column("customer", "phone", TestMaskers.token()).build();

            assertThatThrownBy(() -> MaskingJob.inPlace(db.dataSource(), bad).auditSink(sink).build().run())
                    .isInstanceOf(SchemaMismatchException.class);

            assertThat(sink.actions()).containsExactly("masking.failed");
            assertThat(sink.events().get(0).details()).containsEntry("errorCode", "DRM-MASK-003")
                    .containsEntry("rows", "0");
        }
    }

    @Test
    void a_sink_that_cannot_record_the_end_says_the_masking_completed() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            JobFixtures.customers(db, 3);
            RecordingSink sink = RecordingSink.failingOn("masking.completed");

            assertThatThrownBy(() -> job(db, TestMaskers.email(), sink).build().run())
                    .isInstanceOf(io.drm.AuditException.class)
                    .hasMessageContainingAll("masking.completed", "job-7 completed");
            assertThat(db.queryLong("SELECT COUNT(*) FROM customer WHERE email LIKE '%@example.com'")).isEqualTo(3);
        }
    }
}
