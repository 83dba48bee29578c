package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.RecordingSink;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first release to a schema that holds only drm's own tables (an audit table created before the
 * release, say) runs every migration; a schema with any other object is still refused as Flyway
 * refuses it.
 */
final class OwnTablesFirstTest {

    @TempDir
    Path dir;

    @OnEachDatabase
    void a_schema_holding_only_drm_tables_gets_every_migration(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE drm_audit_log (seq BIGINT PRIMARY KEY, entry VARCHAR(100))");
            Migrations m = Migrations.in(dir).standard();

            ReleaseResult result = DataRelease.plan(db.dataSource(), m.location()).apply();

            assertThat(result.appliedSteps()).extracting(s -> s.step().version()).containsExactly("1", "2", "3");
            assertThat(db.queryLong("SELECT COUNT(*) FROM customer")).isEqualTo(1);
            assertThat(DataRelease.plan(db.dataSource(), m.location()).isEmpty()).isTrue();
            assertThat(DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).onStartup()
                    .outcome()).isEqualTo(ReleaseResult.Outcome.UP_TO_DATE);
            m.add("V4__add_phone.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n");
            assertThat(DataRelease.plan(db.dataSource(), m.location()).apply().appliedSteps()).hasSize(1);
        }
    }

    @OnEachDatabase
    void a_schema_holding_a_user_table_and_no_history_is_still_refused(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE legacy (id INT PRIMARY KEY)");
            db.execute("CREATE TABLE drm_audit_log (seq BIGINT PRIMARY KEY)");
            Migrations m = Migrations.in(dir).standard();

            assertThatThrownBy(() -> DataRelease.plan(db.dataSource(), m.location()).apply())
                    .isInstanceOf(ExistingSchemaException.class)
                    .satisfies(e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT))
                            .contains("1 object: table legacy").doesNotContain("drm_audit_log"));
            assertThat(db.tableExists("customer")).isFalse();
        }
    }

    @OnEachDatabase
    void a_version_zero_migration_is_refused_before_anything_happens(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE drm_audit_log (seq BIGINT PRIMARY KEY)");
            Migrations m = Migrations.in(dir).add("V0__seed.sql", "CREATE TABLE seed (id INT);\n").standard();
            RecordingSink sink = RecordingSink.recording();

            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .auditSink(sink).plan().apply())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("V0__seed.sql")
                    .satisfies(e -> assertThat(((DrmException) e).code().id()).isEqualTo("DRM-CORE-001"));
            assertThat(db.tableExists("seed")).isFalse();
            assertThat(db.tableExists("flyway_schema_history")).isFalse();
            assertThat(sink.events()).isEmpty();
        }
    }
}
