package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.testing.DbKind;
import io.drm.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tables are copied parents first; a foreign-key cycle is refused before anything is written. */
final class MaskedCopyOrderTest {

    private static void chain(TestDatabase db) {
        db.execute("CREATE TABLE t_a (id INT PRIMARY KEY, v VARCHAR(20))");
        db.execute("CREATE TABLE t_b (id INT PRIMARY KEY, a_id INT REFERENCES t_a (id), v VARCHAR(20))");
        db.execute("CREATE TABLE t_c (id INT PRIMARY KEY, b_id INT REFERENCES t_b (id), v VARCHAR(20))");
        db.execute("CREATE TABLE t_d (id INT PRIMARY KEY, v VARCHAR(20))");
    }

    @Test
    void children_start_after_their_parents_are_complete() {
        try (TestDatabase source = TestDatabase.create(DbKind.H2); TestDatabase target = TestDatabase.create(DbKind.H2)) {
            chain(source);
            chain(target);
            JobFixtures.insert(source, "t_a", 30, i -> i + ", 'a" + i + "'");
            JobFixtures.insert(source, "t_b", 30, i -> i + ", " + (29 - i) + ", 'b" + i + "'");
            JobFixtures.insert(source, "t_c", 30, i -> i + ", " + (i % 7) + ", 'c" + i + "'");
            JobFixtures.insert(source, "t_d", 30, i -> i + ", 'd" + i + "'");
            List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
            MaskingRules rules = MaskingRules.builder().column("t_b", "v", TestMaskers.token()).build();

            MaskingReport report = MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(rules)
                    .batchSize(4).parallelism(2)
                    .listener(p -> events.add(p.table() + (p.rowsDone() == 0 ? ":start" : p.rowsDone() == p.rowsTotal()
                            ? ":end" : ":more")))
                    .build().run();

            assertThat(report.rows()).isEqualTo(120);
            assertThat(events.lastIndexOf("T_A:end")).isLessThan(events.indexOf("T_B:start"));
            assertThat(events.lastIndexOf("T_B:end")).isLessThan(events.indexOf("T_C:start"));
            assertThat(events).contains("T_D:start", "T_D:end");
        }
    }

    @Test
    void a_foreign_key_cycle_is_refused_before_anything_is_written() {
        try (TestDatabase source = TestDatabase.create(DbKind.H2); TestDatabase target = TestDatabase.create(DbKind.H2)) {
            for (TestDatabase db : List.of(source, target)) {
                db.execute("CREATE TABLE t_x (id INT PRIMARY KEY, y_id INT)");
                db.execute("CREATE TABLE t_y (id INT PRIMARY KEY, x_id INT REFERENCES t_x (id))");
                db.execute("ALTER TABLE t_x ADD CONSTRAINT fk_x_y FOREIGN KEY (y_id) REFERENCES t_y (id)");
                db.execute("CREATE TABLE t_free (id INT PRIMARY KEY)");
            }
            source.execute("INSERT INTO t_free VALUES (1)");

            assertThatThrownBy(() -> MaskedCopy.from(source.dataSource()).to(target.dataSource())
                    .rules(MaskingRules.builder().build()).build().run())
                    .isInstanceOf(MaskingJobException.class)
                    .hasMessageContainingAll("cycle", "T_X", "T_Y", "tables(...)", "Nothing was written");
            assertThat(target.queryLong("SELECT COUNT(*) FROM t_free")).isZero();
        }
    }

    @Test
    void references_to_tables_left_out_of_the_copy_do_not_order_it() {
        try (TestDatabase source = TestDatabase.create(DbKind.H2); TestDatabase target = TestDatabase.create(DbKind.H2)) {
            chain(source);
            chain(target);
            JobFixtures.insert(source, "t_a", 3, i -> i + ", 'a'");
            JobFixtures.insert(source, "t_b", 3, i -> i + ", " + i + ", 'b'");
            JobFixtures.insert(target, "t_a", 3, i -> i + ", 'a'");

            MaskingReport report = MaskedCopy.from(source.dataSource()).to(target.dataSource())
                    .rules(MaskingRules.builder().build()).tables("t_b").build().run();

            assertThat(report.tables()).extracting(TableReport::table).containsExactly("T_B");
            assertThat(target.queryLong("SELECT COUNT(*) FROM t_b")).isEqualTo(3);
        }
    }
}
