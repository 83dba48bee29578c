package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.drm.testing.DbKind;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.util.List;

/**
 * {@code validate()}, in-place jobs and masked copies run one rules check: rules that do not fit
 * are refused up front with DRM-MASK-003, every problem named, before a row is touched.
 */
final class OneRulesCheckTest {

    private static final String ALL = "SELECT id, email, name, status FROM account ORDER BY id";

    private static void account(TestDatabase db, boolean withRows) {
        db.execute("CREATE TABLE account (id INT PRIMARY KEY, email VARCHAR(100), name VARCHAR(100),"
                + " status VARCHAR(10) NOT NULL)");
        if (withRows) {
            // more rows than one batch, so a failure while running would leave a half-masked table
            JobFixtures.insert(db, "account", 250, i -> i + ", 'user" + i + "@corp.test', 'Name " + i + "', 'open'");
        }
    }

    private static MaskingRules nullifyNotNull() {
        return MaskingRules.builder()
                .column("account", "email", TestMaskers.email())
                .column("account", "status", Maskers.nullify())
                .column("account", "missing", TestMaskers.token())
                .build();
    }

    @OnEachDatabase
    void nullify_on_a_not_null_column_is_refused_up_front_by_an_in_place_job(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            account(db, true);
            List<String> before = JobFixtures.rows(db, ALL, 4);
            MaskingRules rules = nullifyNotNull();

            SchemaMismatchException validated = catchThrowableOfType(SchemaMismatchException.class,
                    () -> rules.validate(db.dataSource()));
            SchemaMismatchException run = catchThrowableOfType(SchemaMismatchException.class,
                    () -> MaskingJob.inPlace(db.dataSource(), rules).batchSize(100).build().run());

            assertThat(run.code().id()).isEqualTo("DRM-MASK-003");
            assertThat(run.getMessage()).contains("2 problems", "Nothing was written",
                    "rules[1] (account.status)", "is NOT NULL, so 'nullify' cannot mask it",
                    "rules[2] (account.missing)");
            for (String problem : rules.problems(db.dataSource())) {
                assertThat(run.getMessage()).contains(problem);
                assertThat(validated.getMessage()).contains(problem);
            }
            assertThat(JobFixtures.rows(db, ALL, 4)).isEqualTo(before);
            assertThat(db.tableExists("drm_masking_progress")).isFalse();
        }
    }

    @OnEachDatabase
    void nullify_on_a_not_null_column_is_refused_up_front_by_a_masked_copy(DbKind kind) {
        try (TestDatabase source = TestDatabase.create(kind); TestDatabase target = TestDatabase.create(kind)) {
            account(source, true);
            account(target, false);

            SchemaMismatchException e = catchThrowableOfType(SchemaMismatchException.class,
                    () -> MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(nullifyNotNull())
                            .build().run());

            assertThat(e.code().id()).isEqualTo("DRM-MASK-003");
            assertThat(e.getMessage()).contains("2 problems", "Nothing was written", "rules[1] (account.status)",
                    "rules[2] (account.missing)");
            assertThat(target.queryLong("SELECT COUNT(*) FROM account")).isZero();
        }
    }
}
