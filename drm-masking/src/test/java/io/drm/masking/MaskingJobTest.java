package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.testing.DbKind;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Masking in place on H2, PostgreSQL and MariaDB. */
final class MaskingJobTest {

    private static MaskingRules customerRules() {
        return MaskingRules.builder()
                .column("customer", "email", TestMaskers.EMAIL)
                .column("CUSTOMER", "Name", TestMaskers.TOKEN)
                .build();
    }

    @OnEachDatabase
    void masks_ruled_columns_and_leaves_the_rest(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            JobFixtures.customers(db, 50);
            List<String> cities = db.queryStrings("SELECT city FROM customer ORDER BY id");

            MaskingReport report = MaskingJob.inPlace(db.dataSource(), customerRules()).batchSize(7).build().run();

            assertThat(db.queryLong("SELECT COUNT(*) FROM customer")).isEqualTo(50);
            assertThat(db.queryStrings("SELECT email FROM customer ORDER BY id"))
                    .containsExactlyElementsOf(expected(50, i -> TestMaskers.masked(TestMaskers.EMAIL,
                            "user" + i + "@corp.test")))
                    .allSatisfy(e -> assertThat(e).endsWith("@corp.test").doesNotStartWith("user"));
            assertThat(db.queryStrings("SELECT name FROM customer ORDER BY id"))
                    .containsExactlyElementsOf(expected(50, i -> i % 10 == 3 ? null
                            : TestMaskers.masked(TestMaskers.TOKEN, "Name " + i)));
            assertThat(db.queryStrings("SELECT city FROM customer ORDER BY id")).isEqualTo(cities);
            assertThat(report.rows()).isEqualTo(50);
            assertThat(JobFixtures.masked(report, "customer", "email")).isEqualTo(50);
            assertThat(JobFixtures.masked(report, "customer", "name")).isEqualTo(45);
        }
    }

    @OnEachDatabase
    void walks_a_composite_key_in_batches(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE visit (region VARCHAR(10) NOT NULL, d INT NOT NULL, seq INT NOT NULL,"
                    + " email VARCHAR(100), PRIMARY KEY (region, d, seq))");
            JobFixtures.insert(db, "visit", 60, i -> "'r" + (i % 3) + "', " + (i % 4) + ", " + i + ", 'v" + i + "@x.test'");
            MaskingRules rules = MaskingRules.builder().column("visit", "email", TestMaskers.email()).build();

            MaskingReport report = MaskingJob.inPlace(db.dataSource(), rules).batchSize(5).build().run();

            assertThat(report.rows()).isEqualTo(60);
            assertThat(db.queryLong("SELECT COUNT(*) FROM visit WHERE email LIKE '%@example.com'")).isEqualTo(60);
            assertThat(db.queryStrings("SELECT email FROM visit ORDER BY seq"))
                    .containsExactlyElementsOf(expected(60, i -> "u" + TestMaskers.hmac("v" + i + "@x.test")
                            + "@example.com"));
        }
    }

    @Test
    void window_maskers_get_each_batch_in_key_order() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            JobFixtures.customers(db, 7);
            TestMaskers.Reverse reverse = new TestMaskers.Reverse();
            MaskingRules rules = MaskingRules.builder().column("customer", "email", reverse).build();

            MaskingJob.inPlace(db.dataSource(), rules).batchSize(3).build().run();

            assertThat(reverse.windows).containsExactly("0:3", "1:3", "2:1");
            assertThat(db.queryStrings("SELECT email FROM customer ORDER BY id")).containsExactly(
                    "user2@corp.test", "user1@corp.test", "user0@corp.test",
                    "user5@corp.test", "user4@corp.test", "user3@corp.test", "user6@corp.test");
        }
    }

    @Test
    void listener_hears_each_table_start_and_end() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            JobFixtures.customers(db, 20);
            List<MaskingProgress> heard = new CopyOnWriteArrayList<>();

            MaskingJob.inPlace(db.dataSource(), customerRules()).batchSize(6).listener(heard::add).build().run();

            assertThat(heard).isNotEmpty();
            assertThat(heard.get(0)).extracting(MaskingProgress::rowsDone, MaskingProgress::rowsTotal)
                    .containsExactly(0L, 20L);
            assertThat(heard.get(heard.size() - 1).rowsDone()).isEqualTo(20);
            assertThat(heard).allSatisfy(p -> assertThat(p.table()).isEqualToIgnoringCase("customer"));
        }
    }

    @Test
    void a_failing_listener_does_not_fail_the_job() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            JobFixtures.customers(db, 10);

            MaskingReport report = MaskingJob.inPlace(db.dataSource(), customerRules())
                    .listener(p -> {
                        throw new IllegalStateException("listener down");
                    })
                    .build().run();

            assertThat(report.rows()).isEqualTo(10);
        }
    }

    static List<String> expected(int n, java.util.function.IntFunction<String> value) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(value.apply(i));
        }
        return out;
    }
}
