package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drm.spi.AuditEvent;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.RecordingSink;
import io.drm.testing.DatabaseFingerprint;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dry runs: each step reported right, a failing statement named with its line, steps that cannot
 * run reported with their reason, and no trace left in schema, data, Flyway history or ledger.
 */
final class DryRunTest {

    private static final Pattern SHADOW = Pattern.compile("drm_shadow_[0-9a-f]{16}");

    @TempDir
    Path dir;

    @OnEachDatabase
    void a_dry_run_reports_every_step_and_leaves_no_trace(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            DataRelease.plan(db.dataSource(), m.location()).apply();
            m.add("V4__orders.sql", "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, amount INT);\n"
                    + "INSERT INTO orders (id, customer_id, amount) VALUES (1, 1, 10);\n"
                    + "INSERT INTO orders (id, customer_id, amount) VALUES (2, 1, 20), (3, 1, 30);\n")
                    .add("V5__touch_every_customer.sql", "UPDATE customer SET email = 'ada@example.org';\n")
                    .add("V6__drop_email.sql", "-- the address moves elsewhere\nALTER TABLE customer DROP COLUMN email;\n")
                    .add("V7__delete_big_orders.sql", "DELETE FROM orders WHERE amount > 15;\n");
            RecordingSink sink = RecordingSink.recording();
            ReleasePlan plan = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .auditSink(sink).plan();
            Map<String, String> before = DatabaseFingerprint.of(db);

            DryRunReport report = plan.dryRun();

            assertThat(DatabaseFingerprint.of(db)).isEqualTo(before);
            assertThat(report.planId()).isEqualTo(plan.id());
            assertThat(report.mode()).isEqualTo(kind == DbKind.POSTGRESQL
                    ? DryRunReport.Mode.IN_TRANSACTION_ROLLED_BACK : DryRunReport.Mode.SHADOW_DATABASE);
            assertThat(report.failed()).isFalse();
            assertThat(report.steps()).extracting(s -> s.step().version()).containsExactly("4", "5", "6", "7");
            assertThat(report.steps()).extracting(DryRunReport.Step::status).containsOnly(DryRunReport.Status.EXECUTED);
            assertThat(report.steps()).extracting(DryRunReport.Step::rowsAffected).containsExactly(3L, 1L, 0L, 2L);
            assertThat(report.steps().get(0).statements()).extracting(DryRunReport.Statement::line)
                    .containsExactly(1, 2, 3);
            assertThat(report.steps().get(0).destructive()).isEmpty();
            assertThat(report.steps().get(1).destructive()).extracting(DryRunReport.Finding::action)
                    .containsExactly("UPDATE_WITHOUT_WHERE");
            assertThat(report.steps().get(2).destructive()).singleElement()
                    .satisfies(f -> assertThat(f.line()).isEqualTo(2))
                    .satisfies(f -> assertThat(f.action()).isEqualTo("DROP_COLUMN"));
            assertThat(report.steps().get(3).destructive()).isEmpty();
            assertThat(report.steps()).allSatisfy(s -> assertThat(s.error()).isNull());

            assertThat(sink.actions()).containsExactly("release.dry_run");
            AuditEvent event = sink.events().get(0);
            assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
            assertThat(event.details()).containsEntry("planId", plan.id()).containsEntry("steps", "4")
                    .containsEntry("mode", report.mode().name()).containsEntry("rowsAffected", "6");
            if (kind != DbKind.POSTGRESQL) {
                assertThat(report.where()).contains("dropped after");
                assertShadowIsGone(db, report);
            }

            // the plan still applies as planned: the dry run changed nothing it depends on
            assertThat(plan.apply().appliedSteps()).hasSize(4);
            assertThat(db.queryLong("SELECT COUNT(*) FROM orders")).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void a_failing_statement_is_reported_with_its_line_and_later_steps_are_not_executed(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            DataRelease.plan(db.dataSource(), m.location()).apply();
            m.add("V4__phone.sql", "ALTER TABLE customer ADD phone VARCHAR(30);\n"
                    + "\n"
                    + "-- a typo follows\n"
                    + "INSERT INTO no_such_table (id) VALUES (1);\n"
                    + "UPDATE customer SET phone = '1' WHERE id = 1;\n")
                    .add("V5__later.sql", "CREATE TABLE later (id INT PRIMARY KEY);\n");
            RecordingSink sink = RecordingSink.recording();
            ReleasePlan plan = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .auditSink(sink).plan();
            Map<String, String> before = DatabaseFingerprint.of(db);

            DryRunReport report = plan.dryRun();

            assertThat(DatabaseFingerprint.of(db)).isEqualTo(before);
            assertThat(report.failed()).isTrue();
            DryRunReport.Step failed = report.steps().get(0);
            assertThat(failed.status()).isEqualTo(DryRunReport.Status.FAILED);
            assertThat(failed.error().line()).isEqualTo(4);
            assertThat(failed.error().statement()).contains("no_such_table");
            assertThat(failed.error().message()).containsIgnoringCase("no_such_table");
            assertThat(failed.statements()).extracting(DryRunReport.Statement::status).containsExactly(
                    DryRunReport.Status.EXECUTED, DryRunReport.Status.FAILED, DryRunReport.Status.NOT_EXECUTED);
            DryRunReport.Step later = report.steps().get(1);
            assertThat(later.status()).isEqualTo(DryRunReport.Status.NOT_EXECUTED);
            assertThat(later.reason()).contains("V4__phone.sql").contains("line 4");
            assertThat(later.statements()).singleElement()
                    .satisfies(s -> assertThat(s.status()).isEqualTo(DryRunReport.Status.NOT_EXECUTED));
            assertThat(report.explain()).contains("FAILS at V4__phone.sql").contains("error at line 4");

            AuditEvent event = sink.events().get(0);
            assertThat(sink.actions()).containsExactly("release.dry_run");
            assertThat(event.outcome()).isEqualTo(AuditEvent.Outcome.FAILURE);
            assertThat(event.details()).containsEntry("failedStep", "V4__phone.sql").containsEntry("failedLine", "4");
            assertThat(db.tableExists("later")).isFalse();
        }
    }

    @OnEachDatabase
    void a_java_migration_is_not_executed_and_the_dry_run_goes_on(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            DataRelease.plan(db.dataSource(), m.location()).apply();
            m.add("V6__after_java.sql", "INSERT INTO customer (id, name) VALUES (2, 'Grace');\n");
            ReleasePlan plan = DataRelease.configure().dataSource(db.dataSource())
                    .locations(m.location(), "classpath:db/dryrunjava").plan();
            Map<String, String> before = DatabaseFingerprint.of(db);

            DryRunReport report = plan.dryRun();

            assertThat(DatabaseFingerprint.of(db)).isEqualTo(before);
            assertThat(report.steps()).extracting(s -> s.step().kind()).containsExactly(StepKind.JAVA, StepKind.SQL);
            assertThat(report.steps().get(0).status()).isEqualTo(DryRunReport.Status.NOT_EXECUTED);
            assertThat(report.steps().get(0).reason()).contains("Java migration");
            assertThat(report.steps().get(1).status()).isEqualTo(DryRunReport.Status.EXECUTED);
            assertThat(report.steps().get(1).rowsAffected()).isEqualTo(1);
            assertThat(db.tableExists("from_java")).isFalse();
        }
    }

    @OnEachDatabase
    void scripts_in_a_classpath_location_are_dry_run(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            DryRunReport report = DataRelease.plan(db.dataSource(), "classpath:db/dryruncp").dryRun();

            assertThat(report.steps()).singleElement().satisfies(step -> {
                assertThat(step.status()).isEqualTo(DryRunReport.Status.EXECUTED);
                assertThat(step.statements()).hasSize(2);
                assertThat(step.rowsAffected()).isEqualTo(1);
            });
            assertThat(db.tableExists("from_classpath")).isFalse();
        }
    }

    @OnEachDatabase
    void an_up_to_date_plan_runs_nothing(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            DataRelease.plan(db.dataSource(), m.location()).apply();
            RecordingSink sink = RecordingSink.recording();

            DryRunReport report = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .auditSink(sink).plan().dryRun();

            assertThat(report.steps()).isEmpty();
            assertThat(report.mode()).isEqualTo(DryRunReport.Mode.NOT_EXECUTED);
            assertThat(report.where()).contains("up to date");
            assertThat(sink.actions()).containsExactly("release.dry_run");
        }
    }

    @OnEachDatabase
    void a_plan_that_no_longer_matches_is_refused(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            ReleasePlan plan = DataRelease.plan(db.dataSource(), m.location());
            DataRelease.plan(db.dataSource(), m.location()).apply();

            PlanChangedException e = catchThrowableOfType(PlanChangedException.class, plan::dryRun);

            assertThat(e.code().id()).isEqualTo("DRM-CORE-011");
            assertThat(e.getMessage()).contains("Nothing was run");
        }
    }

    @OnEachDatabase
    void flyway_placeholders_are_replaced_and_an_unknown_one_fails_the_step(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            DataRelease.plan(db.dataSource(), m.location()).apply();
            m.add("V4__named.sql", "INSERT INTO customer (id, name) VALUES (7, '${flyway:filename}');\n")
                    .add("V5__unknown.sql", "-- needs ${tenant}\nINSERT INTO customer (id, name) VALUES (8, 'x');\n");

            DryRunReport report = DataRelease.plan(db.dataSource(), m.location()).dryRun();

            assertThat(report.steps().get(0).status()).isEqualTo(DryRunReport.Status.EXECUTED);
            assertThat(report.steps().get(0).statements().get(0).sql()).contains("'V4__named.sql'");
            assertThat(report.steps().get(1).status()).isEqualTo(DryRunReport.Status.FAILED);
            assertThat(report.steps().get(1).error().line()).isEqualTo(1);
            assertThat(report.steps().get(1).error().message()).contains("${tenant}");
        }
    }

    @OnEachDatabase
    void the_report_serialises_as_json(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();

            DryRunReport report = DataRelease.plan(db.dataSource(), m.location()).dryRun();

            JsonNode json = new ObjectMapper().readTree(report.toJson());
            assertThat(json.get("planId").asText()).isEqualTo(report.planId());
            assertThat(json.get("mode").asText()).isEqualTo(report.mode().name());
            assertThat(json.get("failed").asBoolean()).isFalse();
            assertThat(json.get("steps")).hasSize(3);
            JsonNode insert = json.get("steps").get(1);
            assertThat(insert.get("source").asText()).isEqualTo("V2__insert_customer.sql");
            assertThat(insert.get("status").asText()).isEqualTo("EXECUTED");
            assertThat(insert.get("rowsAffected").asLong()).isEqualTo(1);
            assertThat(insert.get("statements").get(0).get("line").asInt()).isEqualTo(1);
            assertThat(report.toString()).isEqualTo(report.explain()).contains("V2__insert_customer.sql  EXECUTED");
            assertThat(db.tableExists("customer")).isFalse();
            assertThat(db.tableExists("flyway_schema_history")).isFalse();
            if (kind == DbKind.H2) {
                // no lock was taken on H2: taking it would have created drm's lock schema
                assertThat(db.queryLong("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME = 'DRM'"))
                        .isZero();
            }
        }
    }

    private static void assertShadowIsGone(TestDatabase db, DryRunReport report) throws SQLException {
        Matcher found = SHADOW.matcher(report.where());
        assertThat(found.find()).as("shadow named in %s", report.where()).isTrue();
        String shadow = found.group();
        if (db.kind() == DbKind.MARIADB) {
            assertThat(db.queryStrings("SHOW DATABASES LIKE 'drm_shadow_%'")).doesNotContain(shadow);
        } else {
            List<String> failures = new java.util.ArrayList<>();
            try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + shadow + ";IFEXISTS=TRUE", "sa", "")) {
                failures.add("connected to " + c.getMetaData().getURL());
            } catch (SQLException expected) {
                // the in-memory shadow no longer exists
            }
            assertThat(failures).isEmpty();
        }
    }
}
