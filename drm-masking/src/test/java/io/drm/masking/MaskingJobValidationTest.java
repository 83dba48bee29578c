package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.testing.DbKind;
import io.drm.testing.TestDatabase;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rules that do not fit the database are refused before anything is written. */
final class MaskingJobValidationTest {

    private static final String ALL = "SELECT id, email, name, city FROM customer ORDER BY id";

    private TestDatabase db;
    private List<String> before;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create(DbKind.H2);
        JobFixtures.customers(db, 5);
        db.execute("CREATE TABLE note (body VARCHAR(100))");
        before = JobFixtures.rows(db, ALL, 4);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private ThrowingCallable run(MaskingRules rules) {
        return () -> MaskingJob.inPlace(db.dataSource(), rules).build().run();
    }

    private void assertNothingWritten() {
        assertThat(JobFixtures.rows(db, ALL, 4)).isEqualTo(before);
        assertThat(db.tableExists("drm_masking_progress")).isFalse();
    }

    @Test
    void an_unknown_table_is_refused() {
        MaskingRules rules = MaskingRules.builder().column("custmer", "email", TestMaskers.email()).build();

        assertThatThrownBy(run(rules)).isInstanceOf(SchemaMismatchException.class)
                .satisfies(e -> assertThat(((SchemaMismatchException) e).code()).hasToString("DRM-MASK-003"))
                .hasMessageContainingAll("no table custmer in the schema", "did you mean", "Nothing was written");
        assertNothingWritten();
    }

    @Test
    void an_unknown_column_is_refused() {
        MaskingRules rules = MaskingRules.builder()
                .column("customer", "email", TestMaskers.email())
                .column("customer", "phone", TestMaskers.token())
                .build();

        assertThatThrownBy(run(rules)).isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("table CUSTOMER has no column phone");
        assertNothingWritten();
    }

    @Test
    void a_masker_that_does_not_support_the_column_type_is_refused() {
        MaskingRules rules = MaskingRules.builder().column("customer", "city", TestMaskers.fpeId()).build();

        assertThatThrownBy(run(rules)).isInstanceOf(SchemaMismatchException.class)
                .hasMessageContainingAll("masker 'test-fpe' cannot mask VARCHAR columns", "CUSTOMER.CITY");
        assertNothingWritten();
    }

    @Test
    void a_table_without_primary_key_is_refused() {
        MaskingRules rules = MaskingRules.builder().column("note", "body", TestMaskers.token()).build();

        assertThatThrownBy(run(rules)).isInstanceOf(SchemaMismatchException.class)
                .hasMessageContainingAll("table NOTE has no primary key", "MaskedCopy");
        assertNothingWritten();
    }

    @Test
    void a_masked_primary_key_is_refused_in_place() {
        MaskingRules rules = MaskingRules.builder().column("customer", "id", TestMaskers.fpeId()).build();

        assertThatThrownBy(run(rules)).isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("column CUSTOMER.ID is part of the primary key");
        assertNothingWritten();
    }

    @Test
    void every_problem_is_reported_at_once() {
        MaskingRules rules = MaskingRules.builder()
                .column("customer", "phone", TestMaskers.token())
                .column("customer", "city", TestMaskers.fpeId())
                .column("nowhere", "x", TestMaskers.token())
                .build();

        assertThatThrownBy(run(rules)).isInstanceOf(SchemaMismatchException.class)
                .hasMessageContainingAll("3 problems", "customer.phone", "CUSTOMER.CITY", "nowhere");
        assertNothingWritten();
    }

    @Test
    void a_name_that_cannot_be_quoted_is_refused() {
        db.execute("CREATE TABLE \"odd\"\"name\" (id INT PRIMARY KEY, v VARCHAR(10))");
        MaskingRules rules = MaskingRules.builder().column("odd\"name", "v", TestMaskers.token()).build();

        assertThatThrownBy(run(rules)).isInstanceOf(UnsafeIdentifierException.class)
                .satisfies(e -> assertThat(((UnsafeIdentifierException) e).code()).hasToString("DRM-MASK-004"))
                .hasMessageContaining("quote character");
        assertNothingWritten();
    }

    @Test
    void builders_reject_nonsense_at_once() {
        MaskingRules rules = MaskingRules.builder().column("customer", "email", TestMaskers.email()).build();
        MaskingJob.Builder builder = MaskingJob.inPlace(db.dataSource(), rules);

        assertThatThrownBy(() -> builder.batchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.jobId(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.progressInterval(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.auditSink(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> MaskingJob.inPlace(db.dataSource(), MaskingRules.builder().build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }
}
