package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;

/** Taking over databases drm did not create: baseline, an existing Flyway history, a refusal. */
final class TakeoverTest {

    @TempDir
    Path dir;

    @OnEachDatabase
    void a_schema_with_objects_is_baselined_and_only_later_migrations_run(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(100))");
            db.execute("INSERT INTO customer (id, name) VALUES (1, 'Ada')");
            Migrations m = Migrations.in(dir).standard();
            DataRelease.Builder builder = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .baseline("2", "schema as of release 2024.3");

            ReleasePlan plan = builder.plan();
            assertThat(plan.currentVersion()).isEqualTo("2");
            assertThat(plan.steps()).extracting(ReleaseStep::version).containsExactly("3");
            ReleaseResult result = plan.apply();

            assertThat(result.appliedSteps()).extracting(AppliedStep::version).containsExactly("3");
            assertThat(db.appliedVersions()).containsExactly("2", "3");
            String q = kind == DbKind.MARIADB ? "`" : "\"";
            assertThat(db.queryStrings("SELECT " + q + "description" + q + " FROM " + db.history() + " WHERE " + q
                    + "type" + q + " = 'BASELINE'"))
                    .containsExactly("schema as of release 2024.3");
            assertThat(db.queryStrings("SELECT to_version FROM drm_release WHERE status = 'BASELINE'"))
                    .containsExactly("2");
            assertThat(db.queryStrings("SELECT s.description FROM drm_release_step s JOIN drm_release r ON"
                    + " r.id = s.release_id WHERE r.status = 'BASELINE'")).containsExactly("schema as of release 2024.3");
            assertThat(db.queryLong("SELECT COUNT(*) FROM customer")).isEqualTo(1);

            m.add("V4__add_phone.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n");
            assertThat(builder.onStartup().appliedSteps()).extracting(AppliedStep::version).containsExactly("4");
            assertThat(builder.onStartup().upToDate()).isTrue();
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_release WHERE status = 'BASELINE'")).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void a_baseline_on_an_empty_schema_runs_every_migration(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            ReleaseResult result = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .baseline("2", "legacy").onStartup();
            assertThat(result.appliedSteps()).extracting(AppliedStep::version).containsExactly("1", "2", "3");
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_release WHERE status = 'BASELINE'")).isZero();
        }
    }

    @OnEachDatabase
    void a_baseline_with_nothing_above_it_records_the_baseline(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200))");
            Migrations m = Migrations.in(dir).standard();
            DataRelease.Builder builder = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .baseline("3", "legacy");
            ReleaseResult result = builder.onStartup();
            assertThat(result.appliedSteps()).isEmpty();
            assertThat(db.appliedVersions()).containsExactly("3");
            assertThat(db.queryStrings("SELECT to_version FROM drm_release WHERE status = 'BASELINE'"))
                    .containsExactly("3");
            assertThat(builder.onStartup().upToDate()).isTrue();
        }
    }

    @OnEachDatabase
    void a_schema_with_objects_and_no_history_is_refused_naming_the_objects(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            for (int i = 1; i <= 12; i++) {
                db.execute("CREATE TABLE legacy_" + (i < 10 ? "0" : "") + i + " (id INT PRIMARY KEY)");
            }
            Migrations m = Migrations.in(dir).standard();
            DataRelease.Builder builder = DataRelease.configure().dataSource(db.dataSource()).locations(m.location());

            assertThatThrownBy(builder::plan).isInstanceOf(ExistingSchemaException.class)
                    .satisfies(e -> assertThat(((DrmException) e).code().id()).isEqualTo("DRM-CORE-040"))
                    .hasMessageContaining("12 objects: TABLE ").hasMessageContaining("and 2 more")
                    .hasMessageContaining("baseline(version, description)")
                    .satisfies(e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT))
                            .contains("table legacy_01, table legacy_02").contains("legacy_10")
                            .doesNotContain("legacy_11"));
            assertThatThrownBy(builder::onStartup).isInstanceOf(ExistingSchemaException.class);
            assertThat(db.tableExists("flyway_schema_history")).isFalse();
            assertThat(db.tableExists("drm_release")).isFalse();
        }
    }

    @OnEachDatabase
    void a_history_written_by_plain_flyway_is_taken_over_and_continued(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            Flyway.configure().dataSource(db.dataSource()).locations(m.location()).load().migrate();
            m.add("V4__add_phone.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n");

            ReleaseResult result = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .onStartup();

            assertThat(result.appliedSteps()).extracting(AppliedStep::version).containsExactly("4");
            assertThat(db.queryStrings("SELECT to_version FROM drm_release WHERE status = 'ADOPTED'"))
                    .containsExactly("3");
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_release")).isEqualTo(2);
        }
    }

    @OnEachDatabase
    void a_history_with_a_failed_row_is_refused_naming_it(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            Flyway.configure().dataSource(db.dataSource()).locations(m.location()).target("2").load().migrate();
            // As Flyway records a failed migration on a database without transactional DDL.
            String q = kind == DbKind.MARIADB ? "`" : "\"";
            db.execute("INSERT INTO " + db.history() + " (" + String.join(", ", q + "installed_rank" + q,
                    q + "version" + q, q + "description" + q, q + "type" + q, q + "script" + q, q + "checksum" + q,
                    q + "installed_by" + q, q + "execution_time" + q, q + "success" + q) + ") VALUES (3, '3',"
                    + " 'add email', 'SQL', 'V3__add_email.sql', 123, 'flyway', 5, "
                    + (kind == DbKind.MARIADB ? "0" : "FALSE") + ")");

            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .onStartup())
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("migration 3 (V3__add_email.sql) failed in an earlier release")
                    .hasMessageContaining("delete its failed row");
        }
    }
}
