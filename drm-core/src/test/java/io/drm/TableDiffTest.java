package io.drm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.internal.DatabaseKind;
import io.drm.internal.Hashing;
import io.drm.internal.diff.Canonical;
import io.drm.internal.diff.ValueClass;
import io.drm.testing.DbKind;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

/** Table diff: canonical form per type, composite keys, one-database form, bad input. */
final class TableDiffTest {

    /** The documented canonical text of one row, built in Java. */
    private static final String ROW = "R" + f("-5") + f("1.5") + f("0") + f("0.25") + f("1") + f("Zoë 😀 '|")
            + f("2020-02-29") + f("2020-01-02 03:04:05.123456") + f("123e4567-e89b-12d3-a456-426614174000") + "N"
            + f("");

    private static String f(String text) {
        return "V" + text.getBytes(StandardCharsets.UTF_8).length + ":" + text;
    }

    @OnEachDatabase
    void canonical_row_text_hashes_to_the_documented_form_on_every_database(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            String ts = kind == DbKind.MARIADB ? "DATETIME(6)" : "TIMESTAMP(6)";
            String dbl = kind == DbKind.POSTGRESQL ? "DOUBLE PRECISION" : "DOUBLE";
            db.execute("CREATE TABLE v (i BIGINT, d DECIMAL(10,2), z DECIMAL(10,2), r " + dbl + ", b BOOLEAN,"
                    + " t VARCHAR(50), dt DATE, ts " + ts + ", u UUID, n VARCHAR(5), e VARCHAR(5))");
            db.execute("INSERT INTO v VALUES (-5, 1.50, 0.00, 0.25, TRUE, 'Zoë 😀 ''|', DATE '2020-02-29',"
                    + " TIMESTAMP '2020-01-02 03:04:05.123456', '123e4567-e89b-12d3-a456-426614174000', NULL, '')");
            try (Connection c = db.dataSource().getConnection()) {
                DatabaseKind k = DatabaseKind.of(c);
                List<ValueClass> classes = List.of(ValueClass.INTEGER, ValueClass.DECIMAL, ValueClass.DECIMAL,
                        ValueClass.FLOAT, ValueClass.BOOLEAN, ValueClass.TEXT, ValueClass.DATE, ValueClass.TIMESTAMP,
                        ValueClass.UUID, ValueClass.TEXT, ValueClass.TEXT);
                List<String> cols = List.of("i", "d", "z", "r", "b", "t", "dt", "ts", "u", "n", "e");
                String row = Canonical.row(k, classes, cols);
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + row + ", "
                        + Canonical.md5Hex(k, row) + ", " + Canonical.hash60(k, row) + " FROM v")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(ROW);
                    byte[] md5 = MessageDigest.getInstance("MD5").digest(ROW.getBytes(StandardCharsets.UTF_8));
                    assertThat(rs.getString(2)).isEqualTo(HexFormat.of().formatHex(md5));
                    assertThat(rs.getLong(3)).isEqualTo(Long.parseLong(HexFormat.of().formatHex(md5).substring(0, 15),
                            16));
                }
            }
            assertThat(Hashing.sha256Hex(ROW)).hasSize(64);
        }
    }

    @OnEachDatabase
    void two_tables_of_one_database_with_a_composite_key(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            for (String t : List.of("a", "b")) {
                db.execute("CREATE TABLE " + t + " (region VARCHAR(10) NOT NULL, n INT NOT NULL, v VARCHAR(20),"
                        + " extra INT, PRIMARY KEY (region, n))");
            }
            db.execute("INSERT INTO a VALUES ('eu', 1, 'x', 1), ('eu', 2, 'y', 1), ('us', 1, 'z', 1), ('', 7, NULL, 1)");
            db.execute("INSERT INTO b VALUES ('eu', 1, 'x', 2), ('eu', 2, 'Y', 2), ('us', 2, 'z', 2), ('', 7, NULL, 2)");

            DiffReport report = TableDiff.within(db.dataSource()).tables("a", "b").key("region", "n")
                    .columns("v").rowThreshold(1).segments(2).run();

            assertThat(report.changed()).containsExactly(List.of("eu", 2L));
            assertThat(report.removed()).containsExactly(List.of("us", 1L));
            assertThat(report.added()).containsExactly(List.of("us", 2L));
            assertThat(report.rowsCompared()).isEqualTo(5);
            assertThat(report.toJson()).contains("\"changed\":[[\"eu\",2]]");
            DiffReport all = TableDiff.within(db.dataSource()).tables("a", "b").key("region", "n").run();
            assertThat(all.changed()).hasSize(3);
            assertThat(TableDiff.within(db.dataSource()).tables("a", "a").key("region", "n").run().isIdentical())
                    .isTrue();
        }
    }

    @OnEachDatabase
    void changes_that_a_weak_row_hash_would_cancel_out_are_found(DbKind kind) {
        // On PostgreSQL both tables use the native per-type hashes; elsewhere the canonical text.
        try (TestDatabase db = TestDatabase.create(kind)) {
            for (String t : List.of("a", "b")) {
                db.execute("CREATE TABLE " + t + " (id BIGINT NOT NULL PRIMARY KEY, big BIGINT, x VARCHAR(10),"
                        + " y VARCHAR(10))");
            }
            db.execute("INSERT INTO a VALUES (1, 0, 'p', 'q'), (2, 5, 'r', 's'), (3, 7, NULL, 'u'), (4, 8, 'v', 'w'),"
                    + " (5, 9, 'x', 'x'), (4294967297, NULL, NULL, NULL), (7, 1, 'm', 'n')");
            // 1: a bigint 0 -> 2^32 + 1 (the same 32-bit fold); 2 and 4: values swapped between rows;
            // 3: NULL -> ''; 5: identical values in both columns; row 4294967297 (all NULL) -> key 0;
            // 7: values swapped between columns
            db.execute("INSERT INTO b VALUES (1, 4294967297, 'p', 'q'), (2, 5, 'v', 's'), (3, 7, '', 'u'),"
                    + " (4, 8, 'r', 'w'), (5, 9, 'x', 'x'), (0, NULL, NULL, NULL), (7, 1, 'n', 'm')");

            DiffReport report = TableDiff.within(db.dataSource()).tables("a", "b").key("id").segments(2).run();

            assertThat(report.changed()).containsExactly(List.of(1L), List.of(2L), List.of(3L), List.of(4L),
                    List.of(7L));
            assertThat(report.removed()).containsExactly(List.of(4294967297L));
            assertThat(report.added()).containsExactly(List.of(0L));
            db.execute("CREATE TABLE ka (id BIGINT NOT NULL PRIMARY KEY)");
            db.execute("CREATE TABLE kb (id BIGINT NOT NULL PRIMARY KEY)");
            db.execute("INSERT INTO ka VALUES (1), (4), (4294967297)");
            db.execute("INSERT INTO kb VALUES (2), (3), (0)"); // same count; 4294967297 and 0 fold alike
            DiffReport keysOnly = TableDiff.within(db.dataSource()).tables("ka", "kb").key("id").segments(2).run();
            assertThat(keysOnly.removed()).containsExactly(List.of(1L), List.of(4L), List.of(4294967297L));
            assertThat(keysOnly.added()).containsExactly(List.of(0L), List.of(2L), List.of(3L));
        }
    }

    @OnEachDatabase
    void key_columns_of_different_types_are_refused_before_any_work(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE a (id INT PRIMARY KEY, v VARCHAR(10))");
            db.execute("CREATE TABLE b (id VARCHAR(10) PRIMARY KEY, v VARCHAR(10))");
            assertThatThrownBy(() -> TableDiff.within(db.dataSource()).tables("a", "b").key("id").run())
                    .isInstanceOf(DiffInputException.class)
                    .satisfies(e -> assertThat(((DiffInputException) e).code()).isEqualTo(
                            DiffInputException.KEY_TYPE_MISMATCH))
                    .hasMessageStartingWith("DRM-DIFF-013")
                    .hasMessageContaining("key column id is")
                    .hasMessageContaining("(integer) in the source table")
                    .hasMessageContaining("(text) in the target table");
        }
    }

    @OnEachDatabase
    void missing_table_column_or_key_are_coded_errors(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE a (id INT PRIMARY KEY, v VARCHAR(10))");
            db.execute("CREATE TABLE b (id INT PRIMARY KEY, w VARCHAR(10))");
            assertThatThrownBy(() -> TableDiff.within(db.dataSource()).tables("a", "nope").key("id").run())
                    .isInstanceOf(DiffInputException.class).hasMessageStartingWith("DRM-DIFF-010")
                    .hasMessageContaining("target table nope does not exist");
            assertThatThrownBy(() -> TableDiff.within(db.dataSource()).tables("a", "b").key("id").run())
                    .isInstanceOf(DiffInputException.class).hasMessageStartingWith("DRM-DIFF-011")
                    .hasMessageContaining("has no column v");
            assertThatThrownBy(() -> TableDiff.within(db.dataSource()).tables("a", "b").key("nope").run())
                    .isInstanceOf(DiffInputException.class).hasMessageStartingWith("DRM-DIFF-011");
            assertThatThrownBy(() -> TableDiff.within(db.dataSource()).tables("a", "b").run())
                    .isInstanceOf(DiffInputException.class).hasMessageStartingWith("DRM-DIFF-012");
        }
    }

    @org.junit.jupiter.api.Test
    void builder_rejects_nonsense() {
        assertThatThrownBy(() -> TableDiff.between(null, null)).isInstanceOf(NullPointerException.class);
        TableDiff diff = TableDiff.within(new org.h2.jdbcx.JdbcDataSource());
        assertThatThrownBy(() -> diff.parallelism(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> diff.segments(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> diff.table(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(diff::run).isInstanceOf(IllegalStateException.class);
    }
}
