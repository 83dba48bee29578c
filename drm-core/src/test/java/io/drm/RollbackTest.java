package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.RecordingSink;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Rollbacks with undo scripts and with generated undo from safety snapshots, and their bad input. */
final class RollbackTest {

    @TempDir
    Path dir;

    private static DataRelease.Builder drm(TestDatabase db, Migrations m) {
        return DataRelease.configure().dataSource(db.dataSource()).locations(m.location());
    }

    @OnEachDatabase
    void undo_scripts_run_in_reverse_and_flyway_history_follows(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard()
                    .add("U3__add_email.sql", "ALTER TABLE customer DROP COLUMN email;\n")
                    .add("U2__insert_customer.sql", "DELETE FROM customer WHERE id = 1;\n")
                    .add("U1__create_customer.sql", "DROP TABLE customer;\n");
            ReleasePlan forward = drm(db, m).plan();
            assertThat(forward.steps()).extracting(ReleaseStep::kind).containsOnly(StepKind.SQL);
            forward.apply();
            // Flyway's community edition does not resolve U scripts: only the V scripts ran and are in its history
            assertThat(db.appliedVersions()).containsExactly("1", "2", "3");
            String q = kind == DbKind.MARIADB ? "`" : "\"";
            assertThat(db.queryLong("SELECT COUNT(*) FROM " + db.history() + " WHERE " + q + "script" + q
                    + " LIKE 'U%'")).isZero();
            RecordingSink sink = RecordingSink.recording();

            ReleasePlan plan = drm(db, m).auditSink(sink).rollback().toVersion("1");
            assertThat(plan.steps()).extracting(ReleaseStep::version).containsExactly("3", "2");
            assertThat(plan.steps()).extracting(ReleaseStep::kind).containsOnly(StepKind.UNDO_SQL);
            assertThat(plan.explain()).contains("U3  add email").contains("U3__add_email.sql");
            ReleaseResult result = plan.apply();

            assertThat(result.outcome()).isEqualTo(ReleaseResult.Outcome.ROLLED_BACK);
            assertThat(result.toVersion()).isEqualTo("1");
            assertThat(db.appliedVersions()).containsExactly("1");
            assertThat(db.queryLong("SELECT COUNT(*) FROM customer")).isZero();
            assertThat(sink.actions()).containsExactly("release.started", "migration.undone", "migration.undone",
                    "release.rolled_back");
            assertThat(db.queryStrings("SELECT status FROM drm_release ORDER BY seq")).containsExactly("SUCCEEDED",
                    "ROLLBACK");

            ReleaseResult again = drm(db, m).plan().apply();
            assertThat(again.appliedSteps()).extracting(AppliedStep::version).containsExactly("2", "3");
            assertThat(db.appliedVersions()).containsExactly("1", "2", "3");
        }
    }

    @OnEachDatabase
    void a_dropped_column_comes_back_with_every_value_without_an_undo_script(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            StringBuilder rows = new StringBuilder("CREATE TABLE account (id INT PRIMARY KEY, owner VARCHAR(50) NOT NULL,"
                    + " balance DECIMAL(12, 2), note VARCHAR(20) DEFAULT 'x');\n");
            for (int i = 1; i <= 300; i++) {
                rows.append("INSERT INTO account (id, owner, balance, note) VALUES (").append(i).append(", 'o")
                        .append(i).append("', ").append(i % 7 == 0 ? "NULL" : i + ".25").append(", 'n").append(i)
                        .append("');\n");
            }
            Migrations m = Migrations.in(dir).add("V1__accounts.sql", rows.toString());
            drm(db, m).plan().apply();
            List<String> before = io.drm.testing.SchemaFingerprint.of(db.dataSource(), kind);
            m.add("V2__drop_balance.sql", "ALTER TABLE account DROP COLUMN balance;\n");
            RecordingSink sink = RecordingSink.recording();
            drm(db, m).auditSink(sink).plan().apply();
            assertThat(sink.actions()).contains("snapshot.taken");
            assertThat(drm(db, m).snapshots().list()).singleElement()
                    .satisfies(s -> assertThat(s.rows()).isEqualTo(300));

            ReleasePlan back = drm(db, m).rollback().lastRelease();
            assertThat(back.steps()).singleElement().satisfies(s -> {
                assertThat(s.kind()).isEqualTo(StepKind.RESTORE);
                assertThat(s.version()).isEqualTo("2");
            });
            back.apply();

            assertThat(io.drm.testing.SchemaFingerprint.of(db.dataSource(), kind)).isEqualTo(before);
            assertThat(db.appliedVersions()).containsExactly("1");
        }
    }

    @OnEachDatabase
    void a_rollback_plan_can_be_dry_run(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard()
                    .add("U3__add_email.sql", "ALTER TABLE customer DROP COLUMN email;\n")
                    .add("U2__insert_customer.sql", "DELETE FROM customer WHERE id = 1;\n");
            drm(db, m).plan().apply();
            RecordingSink sink = RecordingSink.recording();

            DryRunReport report = drm(db, m).auditSink(sink).rollback().toVersion("1").dryRun();

            assertThat(report.steps()).hasSize(2);
            assertThat(sink.actions()).containsExactly("release.dry_run");
            assertThat(db.appliedVersions()).containsExactly("1", "2", "3");
            assertThat(db.queryLong("SELECT COUNT(*) FROM customer")).isEqualTo(1);
            if (kind == DbKind.POSTGRESQL) {
                assertThat(report.mode()).isEqualTo(DryRunReport.Mode.IN_TRANSACTION_ROLLED_BACK);
                assertThat(report.steps()).extracting(DryRunReport.Step::status)
                        .containsOnly(DryRunReport.Status.EXECUTED);
                assertThat(report.steps().get(0).destructive()).isNotEmpty();
                assertThat(report.steps().get(1).rowsAffected()).isEqualTo(1);
            } else {
                assertThat(report.mode()).isEqualTo(DryRunReport.Mode.NOT_EXECUTED);
                assertThat(report.steps()).extracting(DryRunReport.Step::status)
                        .containsOnly(DryRunReport.Status.NOT_EXECUTED);
            }
        }
    }

    @OnEachDatabase
    void a_dropped_table_comes_back_with_its_keys_indexes_and_rows(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir)
                    .add("V1__tables.sql", "CREATE TABLE country (code CHAR(2) PRIMARY KEY, name VARCHAR(60) NOT NULL);\n"
                            + "CREATE TABLE city (id INT PRIMARY KEY, name VARCHAR(60) NOT NULL, country CHAR(2),"
                            + " CONSTRAINT fk_city_country FOREIGN KEY (country) REFERENCES country (code));\n"
                            + "CREATE INDEX ix_city_name ON city (name);\n"
                            + "INSERT INTO country VALUES ('FR', 'France'), ('DE', 'Germany');\n"
                            + "INSERT INTO city VALUES (1, 'Paris', 'FR'), (2, 'Berlin', 'DE'), (3, 'Nowhere', NULL);\n");
            drm(db, m).plan().apply();
            List<String> before = io.drm.testing.SchemaFingerprint.of(db.dataSource(), kind);
            m.add("V2__drop_city.sql", "DROP TABLE city;\n");
            drm(db, m).plan().apply();
            assertThat(db.tableExists("city")).isFalse();

            drm(db, m).rollback().toVersion("1").apply();

            assertThat(io.drm.testing.SchemaFingerprint.of(db.dataSource(), kind)).isEqualTo(before);
        }
    }

    @OnEachDatabase
    void truncate_and_unkeyed_delete_and_update_are_restored(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir)
                    .add("V1__t.sql", "CREATE TABLE a (id INT PRIMARY KEY, v VARCHAR(10));\n"
                            + "CREATE TABLE b (id INT PRIMARY KEY, v VARCHAR(10));\n"
                            + "CREATE TABLE c (id INT PRIMARY KEY, v VARCHAR(10));\n"
                            + "INSERT INTO a VALUES (1, 'a1'), (2, 'a2');\nINSERT INTO b VALUES (1, 'b1');\n"
                            + "INSERT INTO c VALUES (1, 'c1'), (2, 'c2');\n");
            drm(db, m).plan().apply();
            List<String> before = io.drm.testing.SchemaFingerprint.of(db.dataSource(), kind);
            m.add("V2__wipe.sql", "TRUNCATE TABLE a;\nDELETE FROM b;\nUPDATE c SET v = 'gone';\n");
            drm(db, m).plan().apply();
            assertThat(db.queryLong("SELECT COUNT(*) FROM a")).isZero();

            drm(db, m).rollback().lastRelease().apply();

            assertThat(io.drm.testing.SchemaFingerprint.of(db.dataSource(), kind)).isEqualTo(before);
        }
    }

    @OnEachDatabase
    void a_step_without_undo_script_or_snapshot_is_named_before_anything_runs(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            drm(db, m).plan().apply();
            m.add("V4__more_rows.sql", "INSERT INTO customer (id, name) VALUES (2, 'Grace');\n");
            drm(db, m).plan().apply();
            long releasesBefore = db.queryLong("SELECT COUNT(*) FROM drm_release");

            assertThatThrownBy(() -> drm(db, m).rollback().toVersion("3"))
                    .isInstanceOf(RollbackNotPossibleException.class)
                    .hasMessageContaining("DRM-CORE-015")
                    .hasMessageContaining("version 4 (V4__more_rows.sql)")
                    .hasMessageContaining("U<version>__<description>.sql");
            assertThat(db.appliedVersions()).containsExactly("1", "2", "3", "4");
            assertThat(db.queryLong("SELECT COUNT(*) FROM drm_release")).isEqualTo(releasesBefore);

            m.add("U4__more_rows.sql", "DELETE FROM customer WHERE id = 2;\n");
            drm(db, m).rollback().toVersion("3").apply();
            assertThat(db.queryLong("SELECT COUNT(*) FROM customer")).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void bad_targets_are_refused(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            drm(db, m).plan().apply();

            assertThatThrownBy(() -> drm(db, m).rollback().toVersion("7"))
                    .isInstanceOf(InvalidRollbackTargetException.class).hasMessageContaining("DRM-CORE-016")
                    .hasMessageContaining("above the current version 3");
            assertThatThrownBy(() -> drm(db, m).rollback().toVersion("2.5"))
                    .isInstanceOf(InvalidRollbackTargetException.class).hasMessageContaining("not an applied version");
            assertThatThrownBy(() -> drm(db, m).rollback().release("no-such-release"))
                    .isInstanceOf(InvalidRollbackTargetException.class).hasMessageContaining("no release no-such-release");
        }
    }

    @OnEachDatabase
    void a_purged_snapshot_makes_its_rollback_impossible(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard();
            drm(db, m).plan().apply();
            m.add("V4__drop_email.sql", "ALTER TABLE customer DROP COLUMN email;\n");
            drm(db, m).plan().apply();
            Snapshots snapshots = drm(db, m).snapshots();
            String id = snapshots.list().get(0).id();

            assertThat(snapshots.purge(id)).isEqualTo(1);
            assertThat(snapshots.list()).singleElement().satisfies(s -> assertThat(s.purged()).isTrue());
            assertThat(db.tableExists(id)).isFalse();
            assertThatThrownBy(() -> drm(db, m).rollback().lastRelease())
                    .isInstanceOf(RollbackNotPossibleException.class).hasMessageContaining("was purged");
            assertThatThrownBy(() -> snapshots.purge("drm_snap_nope"))
                    .isInstanceOf(InvalidRollbackTargetException.class);
        }
    }

    @OnEachDatabase
    void a_misnamed_undo_script_is_an_error_not_silence(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard().add("U3_add_email.sql", "ALTER TABLE customer DROP COLUMN email;\n");

            assertThatThrownBy(() -> drm(db, m).plan())
                    .isInstanceOf(InvalidMigrationNameException.class).hasMessageContaining("DRM-CORE-005")
                    .hasMessageContaining("U3_add_email.sql");
        }
    }

    @OnEachDatabase
    void an_undo_script_without_its_versioned_script_is_an_error(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard().add("U9__nothing.sql", "SELECT 1;\n");

            assertThatThrownBy(() -> drm(db, m).plan())
                    .isInstanceOf(OrphanUndoScriptException.class).hasMessageContaining("DRM-CORE-019")
                    .hasMessageContaining("U9__nothing.sql");
        }
    }

    @OnEachDatabase
    void a_failing_undo_script_stops_the_rollback_and_says_what_was_undone(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            Migrations m = Migrations.in(dir).standard()
                    .add("U3__add_email.sql", "ALTER TABLE customer DROP COLUMN email;\n")
                    .add("U2__insert_customer.sql", "DELETE FROM no_such_table;\n");
            drm(db, m).plan().apply();
            RecordingSink sink = RecordingSink.recording();

            assertThatThrownBy(() -> drm(db, m).auditSink(sink).rollback().toVersion("1").apply())
                    .isInstanceOf(UndoFailedException.class).hasMessageContaining("DRM-CORE-018")
                    .hasMessageContaining("undoing version 2 (U2__insert_customer.sql)");
            assertThat(sink.actions()).last().isEqualTo("release.failed");
            if (kind == DbKind.POSTGRESQL) {
                assertThat(db.appliedVersions()).containsExactly("1", "2", "3");
                assertThat(db.queryLong("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema ="
                        + " current_schema() AND column_name = 'email'")).isEqualTo(1);
            } else {
                assertThat(db.appliedVersions()).containsExactly("1", "2");
            }
        }
    }
}
