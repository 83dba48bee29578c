package io.drm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** A real plan's findings name the step, file and line of each statement, on every database. */
final class LintPlanTest {

    @TempDir
    Path dir;

    @OnEachDatabase
    void a_plan_lists_the_lint_findings_of_its_pending_steps_by_step_and_line(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            DataRelease.plan(db.dataSource(), m.location()).apply();
            m.add("V4__orders.sql", "-- orders\nCREATE TABLE orders (id INT PRIMARY KEY, customer_id INT);\n"
                    + "CREATE INDEX orders_customer ON orders (customer_id);\n")
                    .add("V5__tidy.sql", "INSERT INTO customer (id, name) VALUES (2, 'it''s; DROP TABLE x');\n\n"
                    + "/* keep\n   the rest */\nDELETE FROM customer;\n"
                    + "ALTER TABLE customer DROP COLUMN email;\n");
            ReleasePlan plan = DataRelease.plan(db.dataSource(), m.location());
            String file4 = m.location() + "/V4__orders.sql";
            String file5 = m.location() + "/V5__tidy.sql";

            assertThat(plan.findings()).extracting(Finding::rule, Finding::step, Finding::file, Finding::line)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("create-table", "4", file4, 2),
                            org.assertj.core.groups.Tuple.tuple("change-to-new-table", "4", file4, 3),
                            org.assertj.core.groups.Tuple.tuple("data-change", "5", file5, 1),
                            org.assertj.core.groups.Tuple.tuple("delete-without-where", "5", file5, 5),
                            org.assertj.core.groups.Tuple.tuple("drop-column", "5", file5, 6));
            Finding delete = plan.findings().get(3);
            assertThat(delete.severity()).isEqualTo(Finding.Severity.ERROR);
            assertThat(delete.category()).isEqualTo(Finding.Category.DATA_DESTRUCTIVE);
            assertThat(delete.message()).contains("customer").doesNotContain("Ada");
            assertThat(plan.explain()).contains("Findings (5):")
                    .contains("ERROR delete-without-where at " + file5 + ":5");
            JsonNode json = new ObjectMapper().readTree(plan.toJson());
            assertThat(json.get("findings")).hasSize(5);
            assertThat(json.get("findings").get(4).get("rule").asText()).isEqualTo("drop-column");
            assertThat(json.get("findings").get(4).get("line").asInt()).isEqualTo(6);
            assertThat(json.get("findings").get(4).get("category").asText()).isEqualTo("BREAKING");
        }
    }

    @OnEachDatabase
    void findings_do_not_change_the_plan_id_and_an_up_to_date_plan_has_none(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            ReleasePlan plan = DataRelease.plan(db.dataSource(), m.location());
            assertThat(plan.findings()).extracting(Finding::rule)
                    .containsExactly("create-table", "change-to-new-table", "change-to-new-table");
            // the id is over the plan's content: the same on a second plan, and the one the release records
            assertThat(DataRelease.plan(db.dataSource(), m.location()).id()).isEqualTo(plan.id());
            assertThat(plan.id()).isEqualTo(io.drm.internal.PlanState.id(plan.currentVersion(), plan.targetVersion(),
                    plan.steps()));
            assertThat(plan.apply().planId()).isEqualTo(plan.id());
            ReleasePlan upToDate = DataRelease.plan(db.dataSource(), m.location());
            assertThat(upToDate.isEmpty()).isTrue();
            assertThat(upToDate.findings()).isEmpty();
        }
    }
}
