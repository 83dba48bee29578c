package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.RecordingSink;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing step: on PostgreSQL nothing of the release remains; on H2 and MariaDB the release stops
 * at the failing step and says exactly which steps were applied.
 */
final class AtomicityTest {

    @TempDir
    Path dir;

    @OnEachDatabase
    void a_failing_step_is_named_and_the_ledger_and_audit_say_what_remains(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard()
                    .add("V4__broken.sql", "INSERT INTO no_such_table (id) VALUES (1);\n")
                    .add("V5__never.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n");
            RecordingSink sink = RecordingSink.recording();

            MigrationFailedException e = catchThrowableOfType(MigrationFailedException.class,
                    () -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                            .auditSink(sink).plan().apply());

            assertThat(e.code().id()).isEqualTo("DRM-CORE-009");
            assertThat(e.failedStep().version()).isEqualTo("4");
            assertThat(e.getMessage()).contains("step 4 (V4__broken.sql)").containsIgnoringCase("no_such_table");
            assertThat(db.queryStrings("SELECT status FROM drm_release")).containsExactly("FAILED");
            assertThat(db.queryStrings("SELECT version FROM drm_release_step WHERE status = 'FAILED'"))
                    .containsExactly("4");
            assertThat(db.queryStrings("SELECT version FROM drm_release_step WHERE status = 'NOT_RUN'"))
                    .containsExactly("5");
            assertThat(sink.actions()).first().isEqualTo("release.started");
            assertThat(sink.actions()).last().isEqualTo("release.failed");
            assertThat(sink.events().get(sink.events().size() - 1).details())
                    .containsEntry("failedStep", "V4__broken.sql");

            if (kind == DbKind.POSTGRESQL) {
                assertThat(e.appliedSteps()).isEmpty();
                assertThat(e.getMessage()).contains("nothing of it remains");
                assertThat(db.tableExists("customer")).isFalse();
                assertThat(db.appliedVersions()).isEmpty();
                assertThat(db.queryStrings("SELECT status FROM drm_release_step WHERE version IN ('1', '2', '3')"))
                        .containsOnly("ROLLED_BACK");
            } else {
                assertThat(e.appliedSteps()).extracting(ReleaseStep::version).containsExactly("1", "2", "3");
                assertThat(e.getMessage()).contains("Steps applied and still in the database: 1 (V1__create_customer.sql),"
                        + " 2 (V2__insert_customer.sql), 3 (V3__add_email.sql)");
                assertThat(db.queryLong("SELECT COUNT(*) FROM customer")).isEqualTo(1);
                assertThat(db.appliedVersions()).containsExactly("1", "2", "3");
                assertThat(db.queryStrings("SELECT version FROM drm_release_step WHERE status = 'APPLIED'"
                        + " ORDER BY step_no")).containsExactly("1", "2", "3");
            }
        }
    }

    @OnEachDatabase
    void the_lock_is_released_after_a_failed_release(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir)
                    .add("V1__broken.sql", "CREATE TABLE broken (id INT PRIMARY KEY);\nINSERT INTO nowhere VALUES (1);\n");
            catchThrowableOfType(MigrationFailedException.class,
                    () -> DataRelease.plan(db.dataSource(), m.location()).apply());

            m.add("V1__broken.sql", "CREATE TABLE fixed (id INT PRIMARY KEY);\n");
            if (kind != DbKind.POSTGRESQL) {
                // the failed step left its partial change and a failed history row: the way out is repair
                db.execute("DROP TABLE broken");
                db.execute("DELETE FROM " + db.history() + " WHERE " + (kind == DbKind.MARIADB ? "`success` = 0"
                        : "\"success\" = FALSE"));
            }
            ReleaseResult result = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .plan().apply();

            assertThat(result.appliedSteps()).hasSize(1);
            assertThat(db.tableExists("fixed")).isTrue();
        }
    }

    @OnEachDatabase
    void a_release_that_died_while_running_is_marked_abandoned_by_the_next_one(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            DataRelease.plan(db.dataSource(), m.location()).apply();
            db.execute("UPDATE drm_release SET status = 'RUNNING', finished_at = NULL");
            m.add("V4__add_phone.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n");

            ReleaseResult next = DataRelease.plan(db.dataSource(), m.location()).apply();

            assertThat(db.queryStrings("SELECT status FROM drm_release WHERE id <> '" + next.releaseId() + "'"))
                    .containsExactly("ABANDONED");
            assertThat(db.queryStrings("SELECT status FROM drm_release WHERE id = '" + next.releaseId() + "'"))
                    .containsExactly("SUCCEEDED");
        }
    }
}
