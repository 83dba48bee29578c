package io.drm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** The fingerprint the dry-run tests compare sees every kind of change they guard against. */
final class DatabaseFingerprintTest {

    @OnEachDatabase
    void a_change_of_data_columns_or_indexes_changes_the_fingerprint(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20))");
            db.execute("INSERT INTO t (id, name) VALUES (1, 'a')");
            Map<String, String> start = DatabaseFingerprint.of(db);
            assertThat(DatabaseFingerprint.of(db)).isEqualTo(start);

            db.execute("UPDATE t SET name = 'b' WHERE id = 1");
            Map<String, String> updated = DatabaseFingerprint.of(db);
            assertThat(updated).isNotEqualTo(start);
            assertThat(updated.get("rows " + name(db, "t"))).isNotEqualTo(start.get("rows " + name(db, "t")));

            db.execute("ALTER TABLE t ADD extra INT");
            Map<String, String> altered = DatabaseFingerprint.of(db);
            assertThat(altered.get("table " + name(db, "t"))).isNotEqualTo(updated.get("table " + name(db, "t")));

            db.execute("CREATE INDEX t_name ON t (name)");
            assertThat(DatabaseFingerprint.of(db).get("indexes " + name(db, "t")))
                    .isNotEqualTo(altered.get("indexes " + name(db, "t")));

            db.execute("CREATE TABLE u (id INT PRIMARY KEY)");
            assertThat(DatabaseFingerprint.of(db)).containsKey("table " + name(db, "u"));
        }
    }

    private static String name(TestDatabase db, String table) {
        return db.kind() == DbKind.H2 ? table.toUpperCase(java.util.Locale.ROOT) : table;
    }
}
