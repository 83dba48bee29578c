package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.testing.DbKind;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An in-place job that fails or is interrupted resumes where it stopped, and never masks a row twice. */
final class MaskingJobResumeTest {

    private static final String ALL = "SELECT id, email, name, city FROM customer ORDER BY id";

    private static MaskingRules rules(TypedMasker email) {
        return MaskingRules.builder()
                .column("customer", "email", email)
                .column("customer", "name", TestMaskers.TOKEN)
                .build();
    }

    @OnEachDatabase
    void a_rerun_after_a_failure_mid_table_ends_like_an_uninterrupted_run(DbKind kind) {
        try (TestDatabase reference = TestDatabase.create(kind); TestDatabase crashed = TestDatabase.create(kind)) {
            JobFixtures.customers(reference, 40);
            JobFixtures.customers(crashed, 40);
            MaskingJob.inPlace(reference.dataSource(), rules(TestMaskers.EMAIL)).batchSize(6).build().run();

            // the masker gives up inside the third batch: two batches (12 rows) are committed
            MaskingJob failing = MaskingJob.inPlace(crashed.dataSource(),
                    rules(TestMaskers.failingAfter(TestMaskers.EMAIL, 15))).batchSize(6).build();
            assertThatThrownBy(failing::run)
                    .isInstanceOf(MaskingJobException.class)
                    .satisfies(e -> assertThat(((MaskingJobException) e).code()).isEqualTo(MaskingJobException.CODE))
                    .hasMessageContainingAll("failed on table", "after 12 rows committed", "resume", failing.jobId())
                    .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("customer"));
            assertThat(crashed.queryLong("SELECT COUNT(*) FROM customer WHERE email LIKE 'user%'")).isEqualTo(28);

            MaskingReport rerun = MaskingJob.inPlace(crashed.dataSource(), rules(TestMaskers.EMAIL)).batchSize(6)
                    .build().run();

            assertThat(rerun.table("customer").resumed()).isTrue();
            assertThat(rerun.table("customer").rows()).isEqualTo(28);
            assertThat(JobFixtures.rows(crashed, ALL, 4)).isEqualTo(JobFixtures.rows(reference, ALL, 4));
        }
    }

    /** A UUID key (H2 reports it as binary, PostgreSQL as OTHER, MariaDB as a string) is stored and resumed as such. */
    @OnEachDatabase
    void a_job_on_a_table_keyed_by_uuid_resumes_after_its_last_key(DbKind kind) {
        try (TestDatabase reference = TestDatabase.create(kind); TestDatabase crashed = TestDatabase.create(kind)) {
            for (TestDatabase db : List.of(reference, crashed)) {
                db.execute("CREATE TABLE device (id UUID PRIMARY KEY, name VARCHAR(40))");
                JobFixtures.insert(db, "device", 30, i -> "'" + new UUID(i * 7919L, i) + "', 'device "
                        + i + "'");
            }
            MaskingRules tokens = MaskingRules.builder().column("device", "name", TestMaskers.TOKEN).build();
            MaskingJob.inPlace(reference.dataSource(), tokens).batchSize(4).build().run();

            MaskingJob failing = MaskingJob.inPlace(crashed.dataSource(), MaskingRules.builder()
                    .column("device", "name", TestMaskers.failingAfter(TestMaskers.TOKEN, 10)).build())
                    .batchSize(4).build();
            assertThatThrownBy(failing::run).isInstanceOf(MaskingJobException.class)
                    .hasMessageContaining("after 8 rows committed");
            MaskingReport rerun = MaskingJob.inPlace(crashed.dataSource(), tokens).batchSize(4).build().run();

            assertThat(rerun.table("device").resumed()).isTrue();
            assertThat(rerun.table("device").rows()).isEqualTo(22);
            String all = "SELECT id, name FROM device ORDER BY id";
            assertThat(JobFixtures.rows(crashed, all, 2)).isEqualTo(JobFixtures.rows(reference, all, 2));
        }
    }

    @OnEachDatabase
    void two_runs_of_one_job_at_once_mask_each_row_once(DbKind kind) throws Exception {
        try (TestDatabase reference = TestDatabase.create(kind); TestDatabase shared = TestDatabase.create(kind)) {
            JobFixtures.customers(reference, 60);
            JobFixtures.customers(shared, 60);
            MaskingJob.inPlace(reference.dataSource(), rules(TestMaskers.EMAIL)).batchSize(3).build().run();
            MaskingJob job = MaskingJob.inPlace(shared.dataSource(), rules(TestMaskers.EMAIL)).batchSize(3).build();
            java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Future<MaskingReport> a = two.submit(job::run);
                java.util.concurrent.Future<MaskingReport> b = two.submit(job::run);

                assertThat(a.get().rows() + b.get().rows()).isEqualTo(60);
            } finally {
                two.shutdownNow();
            }
            assertThat(JobFixtures.rows(shared, ALL, 4)).isEqualTo(JobFixtures.rows(reference, ALL, 4));
        }
    }

    @Test
    void rerunning_a_finished_job_changes_nothing() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            JobFixtures.customers(db, 15);
            MaskingJob job = MaskingJob.inPlace(db.dataSource(), rules(TestMaskers.EMAIL)).batchSize(4).build();
            job.run();
            List<String> once = JobFixtures.rows(db, ALL, 4);

            MaskingReport again = job.run();

            assertThat(JobFixtures.rows(db, ALL, 4)).isEqualTo(once);
            assertThat(again.rows()).isZero();
            assertThat(again.table("customer").resumed()).isTrue();
        }
    }

    @Test
    void a_new_job_id_masks_again() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            JobFixtures.customers(db, 5);
            MaskingJob.inPlace(db.dataSource(), rules(TestMaskers.EMAIL)).build().run();

            MaskingReport second = MaskingJob.inPlace(db.dataSource(), rules(TestMaskers.EMAIL)).jobId("second")
                    .build().run();

            assertThat(second.rows()).isEqualTo(5);
            assertThat(db.queryStrings("SELECT email FROM customer WHERE id = 0")).containsExactly(
                    TestMaskers.masked(TestMaskers.EMAIL, TestMaskers.masked(TestMaskers.EMAIL, "user0@corp.test")));
        }
    }

    @Test
    void an_interrupted_run_stops_keeps_the_flag_and_resumes() {
        try (TestDatabase reference = TestDatabase.create(DbKind.H2);
                TestDatabase interrupted = TestDatabase.create(DbKind.H2)) {
            JobFixtures.customers(reference, 12);
            JobFixtures.customers(interrupted, 12);
            MaskingJob.inPlace(reference.dataSource(), rules(TestMaskers.EMAIL)).batchSize(5).build().run();
            MaskingJob job = MaskingJob.inPlace(interrupted.dataSource(), rules(TestMaskers.EMAIL)).batchSize(5)
                    .listener(p -> Thread.currentThread().interrupt()).build();

            try {
                assertThatThrownBy(job::run).isInstanceOf(MaskingJobException.class)
                        .hasMessageContainingAll("interrupted", "resume");
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
            MaskingJob.inPlace(interrupted.dataSource(), rules(TestMaskers.EMAIL)).batchSize(5).build().run();

            assertThat(JobFixtures.rows(interrupted, ALL, 4)).isEqualTo(JobFixtures.rows(reference, ALL, 4));
        }
    }

    @Test
    void progress_rows_record_the_finished_table() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            JobFixtures.customers(db, 9);
            MaskingJob job = MaskingJob.inPlace(db.dataSource(), rules(TestMaskers.EMAIL)).batchSize(4).build();

            job.run();

            assertThat(JobFixtures.rows(db, "SELECT job_id, table_name, last_key, rows_done, status"
                    + " FROM drm_masking_progress", 5)).containsExactly(job.jobId() + "|CUSTOMER|[8]|9|DONE");
        }
    }
}
