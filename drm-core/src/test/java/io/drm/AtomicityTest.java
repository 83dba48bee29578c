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
 * A failing step leaves nothing of its release behind on every database: PostgreSQL rolls the
 * release's transaction back; on H2 and MariaDB, whose DDL commits implicitly, drm reverses the steps
 * already applied with the undo it recorded.
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
                assertThat(e.appliedSteps()).isEmpty();
                assertThat(e.getMessage()).contains("commits DDL implicitly")
                        .contains("drm reversed what the release had applied (versions 3, 2, 1)")
                        .contains("nothing of the release remains");
                assertThat(db.tableExists("customer")).isFalse();
                assertThat(db.appliedVersions()).isEmpty();
                String q = kind == DbKind.MARIADB ? "`" : "\"";
                assertThat(db.queryLong("SELECT COUNT(*) FROM " + db.history() + " WHERE " + q + "version" + q
                        + " IS NOT NULL OR " + q + "success" + q + " = " + (kind == DbKind.MARIADB ? "0" : "FALSE")))
                        .isZero();
                assertThat(db.queryStrings("SELECT status FROM drm_release_step WHERE version IN ('1', '2', '3')"))
                        .containsOnly("UNDONE");
            }
        }
    }

    @OnEachDatabase
    void a_failure_in_a_later_release_leaves_the_earlier_releases_as_they_were(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            DataRelease.plan(db.dataSource(), m.location()).apply();
            java.util.List<String> before = io.drm.testing.SchemaFingerprint.of(db.dataSource(), kind);
            m.add("V4__orders.sql", "CREATE TABLE orders (id INT PRIMARY KEY, customer INT);\n"
                    + "CREATE INDEX ix_orders_customer ON orders (customer);\n")
                    .add("V5__more.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n"
                            + "ALTER TABLE customer DROP COLUMN email;\n"
                            + "UPDATE customer SET name = 'x';\n")
                    .add("V6__broken.sql", "CREATE TABLE tmp (id INT);\nINSERT INTO nowhere VALUES (1);\n");

            MigrationFailedException e = catchThrowableOfType(MigrationFailedException.class,
                    () -> DataRelease.plan(db.dataSource(), m.location()).apply());

            assertThat(e.appliedSteps()).isEmpty();
            assertThat(io.drm.testing.SchemaFingerprint.of(db.dataSource(), kind)).isEqualTo(before);
            assertThat(db.appliedVersions()).containsExactly("1", "2", "3");
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
            assertThat(db.tableExists("broken")).isFalse();
            ReleaseResult result = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .plan().apply();

            assertThat(result.appliedSteps()).hasSize(1);
            assertThat(db.tableExists("fixed")).isTrue();
        }
    }

    @OnEachDatabase
    void a_release_that_died_while_running_is_recovered_by_the_next_one(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            DataRelease.plan(db.dataSource(), m.location()).apply();
            db.execute("UPDATE drm_release SET status = 'RUNNING', finished_at = NULL");
            m.add("V4__add_phone.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n");
            RecordingSink sink = RecordingSink.recording();

            ReleaseResult next = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .auditSink(sink).onStartup();

            assertThat(sink.actions()).first().isEqualTo("release.interrupted");
            assertThat(db.queryStrings("SELECT status FROM drm_release WHERE id <> '" + next.releaseId() + "'"))
                    .containsExactly("ABANDONED");
            assertThat(db.queryStrings("SELECT status FROM drm_release WHERE id = '" + next.releaseId() + "'"))
                    .containsExactly("SUCCEEDED");
            // H2 and MariaDB reverse what the interrupted release applied, so the next one applies it again;
            // PostgreSQL keeps what it committed.
            assertThat(next.appliedSteps()).hasSize(kind == DbKind.POSTGRESQL ? 1 : 4);
            assertThat(db.appliedVersions()).containsExactly("1", "2", "3", "4");
            assertThat(db.queryLong("SELECT COUNT(*) FROM customer")).isEqualTo(1);
        }
    }
}
