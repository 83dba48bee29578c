package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.testing.DbKind;
import io.drm.testing.TestDatabase;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table with a foreign key to itself (an employee's manager) is copied parents first when the
 * target checks that key, whatever order the source stores its rows in; rows that no root reaches
 * (a cycle) fail the table with a message that says which and what to do.
 */
final class MaskedCopySelfReferenceTest {

    private static final int ROWS = 2_000;

    static Stream<Arguments> pairs() {
        return MaskedCopyTest.pairs();
    }

    private static void staff(TestDatabase db) {
        db.execute("CREATE TABLE staff (id VARCHAR(12) PRIMARY KEY, manager_id VARCHAR(12), name VARCHAR(40),"
                + " CONSTRAINT fk_staff_manager FOREIGN KEY (manager_id) REFERENCES staff (id))");
    }

    /**
     * Employee n reports to n + 1 + n % 3 (a deeper employee has a smaller number), the last ones to
     * nobody, so that reading by key meets every employee before the manager. Inserted managers
     * first, as the source's own key requires.
     */
    private static void fill(TestDatabase source) {
        JobFixtures.insert(source, "staff", ROWS, i -> {
            int n = ROWS - i;
            int manager = 2 * n + n % 2;
            return "'" + (100_000 + n) + "', " + (manager > ROWS ? "NULL" : "'" + (100_000 + manager) + "'")
                    + ", 'person " + n + "'";
        });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void employees_arrive_after_their_managers_and_the_masked_hierarchy_still_joins(DbKind from, DbKind to) {
        try (TestDatabase source = TestDatabase.create(from); TestDatabase target = TestDatabase.create(to)) {
            staff(source);
            staff(target);
            fill(source);
            MaskingRules rules = MaskingRules.builder()
                    .column("staff", "id", TestMaskers.FPE_DIGITS)
                    .column("staff", "manager_id", TestMaskers.FPE_DIGITS)
                    .column("staff", "name", TestMaskers.TOKEN)
                    .build();

            MaskingReport report = MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(rules)
                    .batchSize(97).build().run();

            assertThat(report.rows()).isEqualTo(ROWS);
            assertThat(target.queryLong("SELECT COUNT(*) FROM staff")).isEqualTo(ROWS);
            String chain = "SELECT COUNT(*) FROM staff e JOIN staff m ON e.manager_id = m.id";
            assertThat(target.queryLong(chain)).isEqualTo(source.queryLong(chain));
            assertThat(target.queryLong("SELECT COUNT(*) FROM staff WHERE manager_id IS NULL"))
                    .isEqualTo(source.queryLong("SELECT COUNT(*) FROM staff WHERE manager_id IS NULL"));
        }
    }

    @Test
    void without_the_key_in_the_target_the_source_order_is_kept_and_cycles_copy() {
        try (TestDatabase source = TestDatabase.create(DbKind.H2); TestDatabase target = TestDatabase.create(DbKind.H2)) {
            staff(source);
            target.execute("CREATE TABLE staff (id VARCHAR(12) PRIMARY KEY, manager_id VARCHAR(12), name VARCHAR(40))");
            cycle(source);

            MaskingReport report = MaskedCopy.from(source.dataSource()).to(target.dataSource())
                    .rules(MaskingRules.builder().build()).build().run();

            assertThat(report.rows()).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void rows_in_a_cycle_fail_the_table_and_say_what_to_do(DbKind from, DbKind to) {
        try (TestDatabase source = TestDatabase.create(from); TestDatabase target = TestDatabase.create(to)) {
            staff(source);
            staff(target);
            cycle(source);

            assertThatThrownBy(() -> MaskedCopy.from(source.dataSource()).to(target.dataSource())
                    .rules(MaskingRules.builder().build()).build().run())
                    .isInstanceOf(MaskingJobException.class)
                    .hasMessageContainingAll("table " + tableName(from), "2 of its 3 rows cannot be reached",
                            "is null", "Drop that foreign key", "tables(...)");
            assertThat(target.queryLong("SELECT COUNT(*) FROM staff")).isEqualTo(1);
        }
    }

    /** Row 1 has no manager; rows 2 and 3 manage each other. */
    private static void cycle(TestDatabase source) {
        source.execute("INSERT INTO staff VALUES ('1', NULL, 'a')");
        source.execute("INSERT INTO staff VALUES ('2', '1', 'b')");
        source.execute("INSERT INTO staff VALUES ('3', '2', 'c')");
        source.execute("UPDATE staff SET manager_id = '3' WHERE id = '2'");
    }

    private static String tableName(DbKind kind) {
        return kind == DbKind.H2 ? "STAFF" : "staff";
    }
}
