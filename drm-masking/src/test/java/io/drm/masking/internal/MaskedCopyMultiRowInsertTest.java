package io.drm.masking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.masking.MaskingRules;
import io.drm.testing.DbKind;
import io.drm.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Multi-row INSERTs split a batch into statements that fit the packet, and lose or repeat no row. */
final class MaskedCopyMultiRowInsertTest {

    @Test
    void a_batch_larger_than_the_packet_budget_is_split_without_losing_a_row() throws Exception {
        try (TestDatabase db = TestDatabase.create(DbKind.MARIADB)) {
            db.execute("CREATE TABLE wide (id INT PRIMARY KEY, body TEXT)");
            try (Connection c = db.dataSource().getConnection()) {
                SqlNames names = SqlNames.of(c.getMetaData());
                SchemaReader.Schema schema = SchemaReader.read(c);
                BoundTable table = RuleBinder.forCopy(schema, names, schema, names, MaskingRules.builder().build(),
                        List.of("wide"), "test").get(0);
                int rows = 11;
                Object[][] batch = new Object[rows][];
                for (int i = 0; i < rows; i++) {
                    batch[i] = new Object[] {i, String.valueOf((char) ('a' + i)).repeat(5000)};
                }
                // a 64 KiB packet leaves a 31 KiB budget: two 15 KB rows a statement, six statements
                assertThat(MultiRowInsertWriter.estimate(batch[0])).isGreaterThan(15_000);
                c.setAutoCommit(false);
                try (MultiRowInsertWriter writer = new MultiRowInsertWriter(c, table, names, 1000, 64 * 1024)) {
                    writer.write(batch, rows);
                }
                c.commit();
                c.setAutoCommit(true);
            }

            assertThat(db.queryLong("SELECT COUNT(*) FROM wide")).isEqualTo(11);
            assertThat(db.queryStrings("SELECT CONCAT(id, ':', LEFT(body, 1), ':', LENGTH(body)) FROM wide ORDER BY id"))
                    .containsExactly("0:a:5000", "1:b:5000", "2:c:5000", "3:d:5000", "4:e:5000", "5:f:5000",
                            "6:g:5000", "7:h:5000", "8:i:5000", "9:j:5000", "10:k:5000");
        }
    }

    @Test
    void a_statement_has_at_most_65535_parameters() throws Exception {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            db.execute("CREATE TABLE seven (c1 INT PRIMARY KEY, c2 INT, c3 INT, c4 INT, c5 INT, c6 INT, c7 INT)");
            try (Connection c = db.dataSource().getConnection()) {
                SqlNames names = SqlNames.of(c.getMetaData());
                SchemaReader.Schema schema = SchemaReader.read(c);
                BoundTable table = RuleBinder.forCopy(schema, names, schema, names, MaskingRules.builder().build(),
                        List.of("seven"), "test").get(0);

                try (MultiRowInsertWriter big = new MultiRowInsertWriter(c, table, names, 100_000, 16L << 20);
                        MultiRowInsertWriter small = new MultiRowInsertWriter(c, table, names, 500, 16L << 20)) {
                    assertThat(big.rowsPerStatement()).isEqualTo(9362); // 9362 x 7 = 65,534
                    assertThat(small.rowsPerStatement()).isEqualTo(500);
                }
            }
        }
    }
}
