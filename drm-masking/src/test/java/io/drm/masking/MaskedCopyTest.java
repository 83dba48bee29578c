package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.testing.DbKind;
import io.drm.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Masked copies of a parent/child schema between databases: joins survive, originals do not. */
final class MaskedCopyTest {

    static final int CUSTOMERS = 40;
    static final int ORDERS_EACH = 3;

    static Stream<Arguments> pairs() {
        return Stream.of(Arguments.of(DbKind.H2, DbKind.H2), Arguments.of(DbKind.POSTGRESQL, DbKind.POSTGRESQL),
                Arguments.of(DbKind.POSTGRESQL, DbKind.MARIADB));
    }

    static MaskingRules rules() {
        TypedMasker id = TestMaskers.fpeId();
        return MaskingRules.builder()
                .column("customer", "id", id)
                .column("customer", "email", TestMaskers.email())
                .column("customer", "name", TestMaskers.token())
                .column("orders", "customer_id", id)
                .column("orders", "note", TestMaskers.token())
                .build();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void masked_keys_still_join_and_no_original_value_survives(DbKind from, DbKind to) {
        try (TestDatabase source = TestDatabase.create(from); TestDatabase target = TestDatabase.create(to)) {
            JobFixtures.customers(source, CUSTOMERS);
            JobFixtures.orders(source, CUSTOMERS, ORDERS_EACH);
            JobFixtures.customerTable(target);
            JobFixtures.ordersTable(target);
            String join = "SELECT o.id, c.email, c.city, o.amount FROM orders o JOIN customer c"
                    + " ON o.customer_id = c.id ORDER BY o.id";
            List<String> sourceJoin = JobFixtures.rows(source, join, 4);

            MaskingReport report = MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(rules())
                    .batchSize(16).fetchSize(10).build().run();

            assertThat(report.rows()).isEqualTo(CUSTOMERS + CUSTOMERS * ORDERS_EACH);
            assertThat(target.queryLong("SELECT COUNT(*) FROM customer")).isEqualTo(CUSTOMERS);
            assertThat(target.queryLong("SELECT COUNT(*) FROM orders")).isEqualTo(CUSTOMERS * ORDERS_EACH);
            List<String> expectedJoin = new ArrayList<>();
            for (String row : sourceJoin) {
                String[] v = row.split("\\|", -1);
                expectedJoin.add(v[0] + "|u" + TestMaskers.hmac(v[1]) + "@example.com|" + v[2] + "|" + v[3]);
            }
            assertThat(JobFixtures.rows(target, join, 4)).isEqualTo(expectedJoin);
            for (String column : List.of("customer.id", "customer.email", "customer.name", "orders.customer_id",
                    "orders.note")) {
                assertThat(values(target, column)).as(column).doesNotContainAnyElementsOf(values(source, column));
            }
            assertThat(values(target, "customer.city")).isEqualTo(values(source, "customer.city"));
        }
    }

    private static Set<String> values(TestDatabase db, String tableColumn) {
        String[] tc = tableColumn.split("\\.");
        Set<String> out = new HashSet<>(db.queryStrings("SELECT " + tc[1] + " FROM " + tc[0]
                + " WHERE " + tc[1] + " IS NOT NULL"));
        assertThat(out).as(tableColumn).isNotEmpty();
        return out;
    }
}
