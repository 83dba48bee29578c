package io.drm;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.testing.CountingDataSource;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drops and renames that break objects of the live database (a view, a foreign key, an index) are
 * found against its catalog at plan time; objects the release itself creates or drops are not live.
 */
final class LintDependencyTest {

    private static final String BASE = "CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(100), email VARCHAR(200));\n"
            + "CREATE TABLE orders (id INT PRIMARY KEY, person_id INT, CONSTRAINT orders_person FOREIGN KEY"
            + " (person_id) REFERENCES person (id));\n"
            + "CREATE VIEW person_names AS SELECT id, name FROM person;\n"
            + "CREATE INDEX person_email ON person (email);\n";

    @TempDir
    Path dir;

    private ReleasePlan planWith(TestDatabase db, String name, String pending) {
        Migrations m = Migrations.in(dir.resolve(name)).add("V1__base.sql", BASE).add("V2__change.sql", pending);
        return DataRelease.plan(db.dataSource(), m.location());
    }

    private static List<Finding> dependencies(ReleasePlan plan) {
        return plan.findings().stream().filter(f -> f.category() == Finding.Category.DEPENDENCY).toList();
    }

    private TestDatabase base(DbKind kind) {
        TestDatabase db = TestDatabase.create(kind);
        DataRelease.plan(db.dataSource(), Migrations.in(dir.resolve("base")).add("V1__base.sql", BASE).location())
                .apply();
        return db;
    }

    @OnEachDatabase
    void dropping_a_column_a_view_uses_is_a_dependency_error(DbKind kind) {
        try (TestDatabase db = base(kind)) {
            ReleasePlan plan = planWith(db, "view", "-- the name moves\nALTER TABLE person DROP COLUMN name;\n");
            assertThat(dependencies(plan)).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("dependent-view");
                assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
                assertThat(f.step()).isEqualTo("2");
                assertThat(f.line()).isEqualTo(2);
                assertThat(f.message()).containsIgnoringCase("person_names").contains("person.name");
            });
            // a column the view does not use breaks nothing but its index
            ReleasePlan email = planWith(db, "email", "ALTER TABLE person DROP COLUMN email;\n");
            assertThat(dependencies(email)).extracting(Finding::rule).containsExactly("dependent-index");
        }
    }

    @OnEachDatabase
    void dropping_a_table_a_foreign_key_references_is_a_dependency_error(DbKind kind) {
        try (TestDatabase db = base(kind)) {
            ReleasePlan plan = planWith(db, "fk", "DROP VIEW person_names;\nDROP TABLE person;\n");
            assertThat(dependencies(plan)).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("dependent-foreign-key");
                assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
                assertThat(f.line()).isEqualTo(2);
                assertThat(f.message()).containsIgnoringCase("orders_person").containsIgnoringCase("orders");
            });
            // dropping the referencing table first, in the same release, breaks nothing
            ReleasePlan both = planWith(db, "both", "DROP VIEW person_names;\nDROP TABLE orders;\nDROP TABLE person;\n");
            assertThat(dependencies(both)).isEmpty();
        }
    }

    @OnEachDatabase
    void renaming_an_indexed_column_is_a_dependency_warning(DbKind kind) {
        try (TestDatabase db = base(kind)) {
            ReleasePlan plan = planWith(db, "index", "ALTER TABLE person RENAME COLUMN email TO mail;\n");
            assertThat(dependencies(plan)).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("dependent-index");
                assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
                assertThat(f.message()).containsIgnoringCase("person_email").contains("person.email");
            });
            assertThat(plan.findings()).extracting(Finding::rule).contains("rename-column");
        }
    }

    @OnEachDatabase
    void renaming_a_table_a_view_uses_is_an_error_where_the_view_breaks(DbKind kind) {
        try (TestDatabase db = base(kind)) {
            ReleasePlan plan = planWith(db, "rename", "ALTER TABLE person RENAME TO people;\n");
            boolean viewFollows = kind == DbKind.POSTGRESQL;
            assertThat(dependencies(plan)).extracting(Finding::rule, Finding::severity).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("dependent-view",
                            viewFollows ? Finding.Severity.WARNING : Finding.Severity.ERROR),
                    org.assertj.core.groups.Tuple.tuple("dependent-foreign-key", Finding.Severity.WARNING));
            // what the severity says: after the rename the view works on PostgreSQL only
            plan.apply();
            boolean viewWorks;
            try {
                db.queryLong("SELECT COUNT(*) FROM person_names");
                viewWorks = true;
            } catch (IllegalStateException e) {
                viewWorks = false;
            }
            assertThat(viewWorks).isEqualTo(viewFollows);
        }
    }

    @OnEachDatabase
    void tables_the_release_creates_are_not_live_and_need_no_catalog_query(DbKind kind) {
        try (TestDatabase db = base(kind)) {
            CountingDataSource counting = new CountingDataSource(db.dataSource());
            Migrations m = Migrations.in(dir.resolve("new")).add("V1__base.sql", BASE)
                    .add("V2__scratch.sql", "CREATE TABLE scratch (id INT, note VARCHAR(10));\n"
                            + "CREATE VIEW scratch_view AS SELECT id FROM scratch;\n")
                    .add("V3__drop_scratch.sql", "ALTER TABLE scratch DROP COLUMN note;\nDROP TABLE scratch;\n");
            ReleasePlan plan = DataRelease.plan(counting, m.location());
            assertThat(dependencies(plan)).isEmpty();
            assertThat(plan.findings()).extracting(Finding::rule).containsExactly("create-table", "create-view",
                    "change-to-new-table", "change-to-new-table");
            // the lint's catalog queries (views, foreign keys, indexes) did not run
            assertThat(counting.statements()).noneMatch(s -> s.contains("pg_rewrite") || s.contains("VIEW_DEFINITION")
                    || s.contains("INDEX_COLUMNS") || s.contains("information_schema.STATISTICS"));
        }
    }
}
