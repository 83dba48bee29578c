package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drm.spi.AuditEvent;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.RecordingSink;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The release engine end to end: plan, apply, ledger, audit, on every database. */
final class ReleaseEngineTest {

    @TempDir
    Path dir;

    @OnEachDatabase
    void plan_lists_pending_steps_in_order_and_writes_nothing(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();

            ReleasePlan plan = DataRelease.plan(db.dataSource(), m.location());

            assertThat(plan.steps()).extracting(ReleaseStep::version).containsExactly("1", "2", "3");
            assertThat(plan.steps()).extracting(ReleaseStep::source)
                    .containsExactly("V1__create_customer.sql", "V2__insert_customer.sql", "V3__add_email.sql");
            assertThat(plan.steps().get(0).description()).isEqualTo("create customer");
            assertThat(plan.steps().get(0).kind()).isEqualTo(StepKind.SQL);
            assertThat(plan.steps().get(0).checksum()).matches("sha256:[0-9a-f]{64}");
            assertThat(plan.currentVersion()).isNull();
            assertThat(plan.targetVersion()).isEqualTo("3");
            assertThat(plan.isEmpty()).isFalse();
            assertThat(plan.id()).matches("[0-9a-f]{64}");
            // a header, one line a step, then the lint's findings (one a statement here)
            assertThat(plan.findings()).hasSize(3);
            assertThat(plan.explain().lines()).hasSize(4 + 1 + 3);
            assertThat(plan.explain()).contains("V2  insert customer  (V2__insert_customer.sql");
            JsonNode json = new ObjectMapper().readTree(plan.toJson());
            assertThat(json.get("id").asText()).isEqualTo(plan.id());
            assertThat(json.get("targetVersion").asText()).isEqualTo("3");
            assertThat(json.get("steps")).hasSize(3);
            assertThat(json.get("steps").get(2).get("source").asText()).isEqualTo("V3__add_email.sql");

            assertThat(db.tableExists("flyway_schema_history")).isFalse();
            assertThat(db.tableExists("drm_release")).isFalse();
            assertThat(db.tableExists("customer")).isFalse();
        }
    }

    @OnEachDatabase
    void plan_id_is_stable_for_the_same_state_and_changes_with_any_change(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            String first = DataRelease.plan(db.dataSource(), m.location()).id();
            assertThat(DataRelease.plan(db.dataSource(), m.location()).id()).isEqualTo(first);

            m.add("V3__add_email.sql", "ALTER TABLE customer ADD email VARCHAR(250);\n");
            String edited = DataRelease.plan(db.dataSource(), m.location()).id();
            assertThat(edited).isNotEqualTo(first);

            m.add("V4__add_phone.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n");
            String added = DataRelease.plan(db.dataSource(), m.location()).id();
            assertThat(added).isNotEqualTo(edited);

            DataRelease.plan(db.dataSource(), m.location()).apply();
            ReleasePlan after = DataRelease.plan(db.dataSource(), m.location());
            assertThat(after.isEmpty()).isTrue();
            assertThat(after.id()).isNotEqualTo(added);
            assertThat(after.currentVersion()).isEqualTo("4");
        }
    }

    @OnEachDatabase
    void apply_runs_the_steps_and_records_release_steps_and_audit(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            RecordingSink sink = RecordingSink.recording();
            ReleasePlan plan = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .environment("staging").actor("ci-bot").auditSink(sink).plan();

            ReleaseResult result = plan.apply();

            assertThat(result.outcome()).isEqualTo(ReleaseResult.Outcome.APPLIED);
            assertThat(result.upToDate()).isFalse();
            assertThat(result.planId()).isEqualTo(plan.id());
            assertThat(result.fromVersion()).isNull();
            assertThat(result.toVersion()).isEqualTo("3");
            assertThat(result.appliedSteps()).extracting(AppliedStep::version).containsExactly("1", "2", "3");
            assertThat(result.appliedSteps()).allSatisfy(s -> assertThat(s.duration().isNegative()).isFalse());
            assertThat(db.queryLong("SELECT COUNT(*) FROM customer")).isEqualTo(1);
            assertThat(db.appliedVersions()).containsExactly("1", "2", "3");

            assertThat(db.queryStrings("SELECT status FROM drm_release WHERE id = '" + result.releaseId() + "'"))
                    .containsExactly("SUCCEEDED");
            assertThat(db.queryStrings("SELECT environment FROM drm_release")).containsExactly("staging");
            assertThat(db.queryStrings("SELECT actor FROM drm_release")).containsExactly("ci-bot");
            assertThat(db.queryStrings("SELECT plan_id FROM drm_release")).containsExactly(plan.id());
            assertThat(db.queryStrings("SELECT version FROM drm_release_step WHERE release_id = '"
                    + result.releaseId() + "' AND status = 'APPLIED' ORDER BY step_no")).containsExactly("1", "2", "3");

            assertThat(sink.actions()).containsExactly("release.started", "migration.applied", "migration.applied",
                    "migration.applied", "release.completed");
            AuditEvent completed = sink.events().get(4);
            assertThat(completed.actor()).isEqualTo("ci-bot");
            assertThat(completed.environment()).isEqualTo("staging");
            assertThat(completed.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
            assertThat(completed.details()).containsEntry("releaseId", result.releaseId())
                    .containsEntry("planId", plan.id()).containsEntry("toVersion", "3");
            assertThat(sink.flushes()).as("checkpoint, then after release.completed").isEqualTo(2);

            ReleaseResult again = DataRelease.plan(db.dataSource(), m.location()).apply();
            assertThat(again.upToDate()).isTrue();
            assertThat(again.appliedSteps()).isEmpty();
            assertThat(again.toVersion()).isEqualTo("3");
        }
    }

    @OnEachDatabase
    void a_repeatable_migration_is_planned_again_when_its_content_changes(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard()
                    .add("R__customer_view.sql", "CREATE OR REPLACE VIEW customer_names AS SELECT name FROM customer;\n");
            DataRelease.plan(db.dataSource(), m.location()).apply();
            m.add("R__customer_view.sql", "CREATE OR REPLACE VIEW customer_names AS SELECT name, id FROM customer;\n");

            ReleasePlan plan = DataRelease.plan(db.dataSource(), m.location());

            assertThat(plan.steps()).singleElement().satisfies(step -> {
                assertThat(step.kind()).isEqualTo(StepKind.REPEATABLE_SQL);
                assertThat(step.version()).isNull();
                assertThat(step.source()).isEqualTo("R__customer_view.sql");
            });
            assertThat(plan.apply().appliedSteps()).hasSize(1);
        }
    }

    @OnEachDatabase
    void apply_refuses_a_plan_that_no_longer_matches_and_applies_nothing(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            ReleasePlan plan = DataRelease.plan(db.dataSource(), m.location());
            m.add("V4__add_phone.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n");

            assertThatThrownBy(plan::apply)
                    .isInstanceOf(PlanChangedException.class)
                    .satisfies(e -> assertThat(((DrmException) e).code()).isEqualTo(PlanChangedException.CODE))
                    .hasMessageContaining(plan.id())
                    .hasMessageContaining("Nothing was applied");
            assertThat(db.tableExists("customer")).isFalse();
        }
    }

    @OnEachDatabase
    void a_stale_plan_applied_after_another_release_did_the_work_reports_up_to_date(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            ReleasePlan first = DataRelease.plan(db.dataSource(), m.location());
            ReleasePlan second = DataRelease.plan(db.dataSource(), m.location());
            first.apply();

            ReleaseResult result = second.apply();

            assertThat(result.upToDate()).isTrue();
            assertThat(db.appliedVersions()).containsExactly("1", "2", "3");
        }
    }

    @OnEachDatabase
    void an_edited_applied_migration_is_refused_with_file_checksums_and_way_out(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            DataRelease.plan(db.dataSource(), m.location()).apply();
            long releases = db.queryLong("SELECT COUNT(*) FROM drm_release");
            m.add("V2__insert_customer.sql", "INSERT INTO customer (id, name) VALUES (1, 'Grace');\n");

            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .onStartup())
                    .isInstanceOf(ChecksumMismatchException.class)
                    .satisfies(e -> assertThat(((DrmException) e).code().id()).isEqualTo("DRM-CORE-007"))
                    .hasMessageContaining("V2__insert_customer.sql")
                    .hasMessageMatching("(?s).*recorded checksum -?\\d+ .* now has checksum -?\\d+.*")
                    .hasMessageContaining("new migration");
            assertThatThrownBy(() -> DataRelease.plan(db.dataSource(), m.location()))
                    .isInstanceOf(ChecksumMismatchException.class);
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_release")).isEqualTo(releases);
            assertThat(db.queryStrings("SELECT name FROM customer")).containsExactly("Ada");
        }
    }

    @OnEachDatabase
    void a_failing_audit_sink_stops_the_release_before_anything_is_applied(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            RecordingSink sink = RecordingSink.failingOn("release.started");

            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .auditSink(sink).plan().apply())
                    .isInstanceOf(AuditException.class)
                    .satisfies(e -> assertThat(((DrmException) e).code().id()).isEqualTo("DRM-CORE-010"))
                    .hasMessageContaining("release.started")
                    .hasMessageContaining("nothing was applied");
            assertThat(db.tableExists("customer")).isFalse();
            assertThat(db.tableExists("flyway_schema_history")).isFalse();
        }
    }

    @OnEachDatabase
    void a_checksum_that_changed_only_in_flyways_history_is_re_recorded_not_refused(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            DataRelease.plan(db.dataSource(), m.location()).apply();
            String q = kind == DbKind.MARIADB ? "`" : "\"";
            db.execute("UPDATE " + db.history() + " SET " + q + "checksum" + q + " = 12345 WHERE " + q + "version" + q
                    + " = '2'");

            assertThat(DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).onStartup()
                    .upToDate()).isTrue();
            assertThat(db.queryLong("SELECT COUNT(*) FROM " + db.history() + " WHERE " + q + "checksum" + q
                    + " = 12345")).isZero();
        }
    }

    @OnEachDatabase
    void an_audit_failure_after_the_release_says_the_release_was_applied(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();

            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .auditSink(RecordingSink.failingOn("release.completed")).plan().apply())
                    .isInstanceOf(AuditException.class)
                    .hasMessageContaining("was applied (3 steps, now at version 3)");
            assertThat(db.queryStrings("SELECT status FROM drm_release")).containsExactly("SUCCEEDED");
        }
    }
}
