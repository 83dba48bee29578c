package io.drm;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.SchemaFingerprint;
import io.drm.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten releases, then a rollback to each earlier version in turn: after each, the schema (tables,
 * columns, keys, indexes) and every table's content equal those of a fresh database migrated only to
 * that version. Some steps have undo scripts, some are reversed from drm's record and snapshots.
 */
final class RollbackEveryVersionTest {

    @TempDir
    Path dir;

    /** Version i (1..10): the script, and its undo script or {@code null}. */
    private static final String[][] STEPS = {
        {"CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);\n"
                + "INSERT INTO customer VALUES (1, 'Ada'), (2, 'Grace'), (3, 'Edsger');\n", null},
        {"CREATE TABLE orders (id INT PRIMARY KEY, customer INT NOT NULL, total DECIMAL(10, 2),"
                + " CONSTRAINT fk_orders_customer FOREIGN KEY (customer) REFERENCES customer (id));\n"
                + "INSERT INTO orders VALUES (10, 1, 9.50), (11, 2, 20.00), (12, 2, NULL);\n", null},
        {"ALTER TABLE customer ADD email VARCHAR(200);\nUPDATE customer SET email = 'a@x' WHERE id = 1;\n",
                "ALTER TABLE customer DROP COLUMN email;\n"},
        {"CREATE INDEX ix_orders_total ON orders (total);\n", null},
        {"INSERT INTO customer (id, name, email) VALUES (4, 'Barbara', 'b@x');\n", "DELETE FROM customer WHERE id = 4;\n"},
        {"ALTER TABLE orders DROP COLUMN total;\n", null},
        {"CREATE TABLE note (id INT PRIMARY KEY, body VARCHAR(50));\nINSERT INTO note VALUES (1, 'n');\n", null},
        {"DELETE FROM note;\n", null},
        {"DROP TABLE note;\n", null},
        {"UPDATE customer SET name = 'anon';\n", null},
    };

    @OnEachDatabase
    void each_rollback_equals_a_fresh_database_at_that_version(DbKind kind) throws IOException {
        Migrations m = Migrations.in(dir.resolve("all"));
        try (TestDatabase db = TestDatabase.create(kind)) {
            for (int v = 1; v <= STEPS.length; v++) {
                m.add("V" + v + "__step_" + v + ".sql", STEPS[v - 1][0]);
                if (STEPS[v - 1][1] != null) {
                    m.add("U" + v + "__step_" + v + ".sql", STEPS[v - 1][1]);
                }
                DataRelease.plan(db.dataSource(), m.location()).apply();
            }
            for (int target = STEPS.length - 1; target >= 1; target--) {
                DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).rollback()
                        .toVersion(String.valueOf(target)).apply();
                assertThat(SchemaFingerprint.of(db.dataSource(), kind)).as("rolled back to %d", target)
                        .isEqualTo(fresh(kind, target));
                assertThat(db.appliedVersions()).hasSize(target);
            }
            DataRelease.configure().dataSource(db.dataSource()).locations(m.location()).rollback().toVersion("0").apply();
            assertThat(db.appliedVersions()).isEmpty();
            assertThat(db.tableExists("customer")).isFalse();
        }
    }

    private List<String> fresh(DbKind kind, int version) throws IOException {
        Path d = Files.createTempDirectory(dir, "fresh");
        Migrations m = Migrations.in(d);
        for (int v = 1; v <= version; v++) {
            m.add("V" + v + "__step_" + v + ".sql", STEPS[v - 1][0]);
        }
        try (TestDatabase db = TestDatabase.create(kind)) {
            DataRelease.plan(db.dataSource(), m.location()).apply();
            return SchemaFingerprint.of(db.dataSource(), kind);
        }
    }
}
