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
        return MaskingRules.builder()
                .column("client", "id", TestMaskers.FPE_DIGITS)
                .column("client", "email", TestMaskers.EMAIL)
                .column("client", "name", TestMaskers.TOKEN)
                .column("client", "card", TestMaskers.CARD)
                .column("purchase", "client_id", TestMaskers.FPE_DIGITS)
                .column("purchase", "note", TestMaskers.TOKEN)
                .build();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void masked_keys_still_join_and_no_original_value_survives(DbKind from, DbKind to) {
        try (TestDatabase source = TestDatabase.create(from); TestDatabase target = TestDatabase.create(to)) {
            JobFixtures.crm(source, CUSTOMERS, ORDERS_EACH);
            JobFixtures.crm(target, 0, 0);
            String join = "SELECT p.id, c.email, c.card, c.city, p.amount FROM purchase p JOIN client c"
                    + " ON p.client_id = c.id ORDER BY p.id";
            List<String> sourceJoin = JobFixtures.rows(source, join, 5);

            MaskingReport report = MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(rules())
                    .batchSize(16).fetchSize(10).build().run();

            assertThat(report.rows()).isEqualTo(CUSTOMERS + CUSTOMERS * ORDERS_EACH);
            assertThat(target.queryLong("SELECT COUNT(*) FROM client")).isEqualTo(CUSTOMERS);
            assertThat(target.queryLong("SELECT COUNT(*) FROM purchase")).isEqualTo(CUSTOMERS * ORDERS_EACH);
            List<String> expectedJoin = new ArrayList<>();
            for (String row : sourceJoin) {
                String[] v = row.split("\\|", -1);
                expectedJoin.add(v[0] + "|" + TestMaskers.masked(TestMaskers.EMAIL, v[1]) + "|"
                        + TestMaskers.masked(TestMaskers.CARD, v[2]) + "|" + v[3] + "|" + v[4]);
            }
            assertThat(JobFixtures.rows(target, join, 5)).isEqualTo(expectedJoin);
            for (String column : List.of("client.id", "client.email", "client.name", "client.card",
                    "purchase.client_id", "purchase.note")) {
                assertThat(values(target, column)).as(column).doesNotContainAnyElementsOf(values(source, column));
            }
            assertThat(values(target, "client.card")).allSatisfy(c -> assertThat(Maskers.luhnValid(c)).isTrue());
            assertThat(values(target, "client.city")).isEqualTo(values(source, "client.city"));
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
