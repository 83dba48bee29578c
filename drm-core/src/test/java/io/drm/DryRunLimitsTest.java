package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.drm.internal.DatabaseKind;
import io.drm.internal.ReleaseLock;
import io.drm.spi.AuditEvent;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.RecordingSink;
import io.drm.testing.DatabaseFingerprint;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a dry run cannot do, reported rather than thrown: statements that cannot run inside
 * PostgreSQL's rolled-back transaction, and MariaDB without permission to create a shadow database.
 */
final class DryRunLimitsTest {

    @TempDir
    Path dir;

    @Test
    void on_postgresql_non_transactional_and_transaction_control_statements_are_not_executed() {
        try (TestDatabase db = create(DbKind.POSTGRESQL)) {
            Migrations m = Migrations.in(dir).standard();
            DataRelease.plan(db.dataSource(), m.location()).apply();
            m.add("V4__big.sql", "CREATE TABLE big (id INT PRIMARY KEY, v INT);\n"
                    + "CREATE INDEX CONCURRENTLY big_v ON big (v);\n"
                    + "INSERT INTO big (id, v) VALUES (1, 1);\n")
                    .add("V5__commit.sql", "COMMIT;\nINSERT INTO customer (id, name) VALUES (2, 'Grace');\n")
                    .add("V6__only_concurrently.sql", "DROP INDEX CONCURRENTLY big_v;\n");
            ReleasePlan plan = DataRelease.plan(db.dataSource(), m.location());
            Map<String, String> before = DatabaseFingerprint.of(db);

            DryRunReport report = plan.dryRun();

            assertThat(DatabaseFingerprint.of(db)).isEqualTo(before);
            assertThat(db.tableExists("big")).isFalse();
            assertThat(db.queryLong("SELECT COUNT(*) FROM customer")).isEqualTo(1);
            DryRunReport.Step big = report.steps().get(0);
            assertThat(big.status()).isEqualTo(DryRunReport.Status.PARTLY_EXECUTED);
            assertThat(big.statements()).extracting(DryRunReport.Statement::status).containsExactly(
                    DryRunReport.Status.EXECUTED, DryRunReport.Status.NOT_EXECUTED, DryRunReport.Status.EXECUTED);
            assertThat(big.statements().get(1).reason()).contains("cannot run inside a transaction");
            assertThat(big.rowsAffected()).isEqualTo(1);
            DryRunReport.Step commit = report.steps().get(1);
            assertThat(commit.status()).isEqualTo(DryRunReport.Status.PARTLY_EXECUTED);
            assertThat(commit.statements().get(0).reason()).contains("controls the transaction");
            assertThat(commit.rowsAffected()).isEqualTo(1);
            DryRunReport.Step only = report.steps().get(2);
            assertThat(only.status()).isEqualTo(DryRunReport.Status.NOT_EXECUTED);
            assertThat(only.reason()).contains("cannot run inside a transaction");
            assertThat(report.failed()).isFalse();
        }
    }

    @Test
    void on_postgresql_the_dry_run_waits_for_the_release_lock_like_a_release() throws Exception {
        try (TestDatabase db = create(DbKind.POSTGRESQL)) {
            Migrations m = Migrations.in(dir).standard();
            ReleasePlan plan = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .lockTimeout(Duration.ofMillis(300)).plan();
            try (ReleaseLock held = ReleaseLock.acquire(db.dataSource().getConnection(), DatabaseKind.POSTGRESQL,
                    Duration.ofSeconds(5), "a release in progress")) {
                LockTimeoutException e = catchThrowableOfType(LockTimeoutException.class, plan::dryRun);
                assertThat(e.code().id()).isEqualTo("DRM-CORE-008");
            }
            assertThat(db.tableExists("customer")).isFalse();
            assertThat(plan.dryRun().steps()).hasSize(3);
        }
    }

    @Test
    void on_mariadb_without_permission_to_create_a_database_every_step_is_reported_not_executed() {
        try (TestDatabase db = create(DbKind.MARIADB)) {
            Migrations m = Migrations.in(dir).standard();
            DataRelease.plan(db.dataSource(), m.location()).apply();
            m.add("V4__orders.sql", "CREATE TABLE orders (id INT PRIMARY KEY);\nDROP TABLE customer;\n");
            String user = "drm_nc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String password = "pw-" + UUID.randomUUID();
            String database = db.queryStrings("SELECT DATABASE()").get(0);
            db.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
            try {
                db.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON `" + database + "`.* TO '" + user + "'@'%'");
                RecordingSink sink = RecordingSink.recording();
                Map<String, String> before = DatabaseFingerprint.of(db);

                DryRunReport report = DataRelease.configure().jdbc(db.url(), user, password).locations(m.location())
                        .auditSink(sink).plan().dryRun();

                assertThat(DatabaseFingerprint.of(db)).isEqualTo(before);
                assertThat(report.mode()).isEqualTo(DryRunReport.Mode.NOT_EXECUTED);
                assertThat(report.where()).contains("could not create a scratch database");
                assertThat(report.steps()).singleElement().satisfies(step -> {
                    assertThat(step.status()).isEqualTo(DryRunReport.Status.NOT_EXECUTED);
                    assertThat(step.reason()).contains("could not create a scratch database").contains("CREATE");
                    assertThat(step.statements()).hasSize(2);
                    assertThat(step.destructive()).singleElement()
                            .satisfies(f -> assertThat(f.line()).isEqualTo(2))
                            .satisfies(f -> assertThat(f.action()).isEqualTo("DROP_TABLE"));
                });
                assertThat(report.failed()).isFalse();
                assertThat(report.toString()).doesNotContain(password);
                assertThat(sink.events()).singleElement().satisfies(e -> {
                    assertThat(e.action()).isEqualTo("release.dry_run");
                    assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.UNKNOWN);
                    assertThat(e.details()).containsEntry("mode", "NOT_EXECUTED").containsEntry("executed", "0");
                });
            } finally {
                db.execute("DROP USER '" + user + "'@'%'");
            }
        }
    }

    private static TestDatabase create(DbKind kind) {
        Assumptions.assumeTrue(TestDatabase.enabledKinds().anyMatch(k -> k == kind), kind + " is not selected");
        return TestDatabase.create(kind);
    }
}
