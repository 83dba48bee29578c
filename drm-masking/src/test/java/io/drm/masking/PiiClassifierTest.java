package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.testing.DbKind;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The classifier on each database: what it finds, what it leaves alone, and what it never shows. */
final class PiiClassifierTest {

    private static ColumnClassification column(ClassificationReport report, String table, String column) {
        return report.column(table, column).orElseThrow(() -> new AssertionError("no column " + column));
    }

    private static void assertFound(ClassificationReport report, String column, Classification classification,
            String detector) {
        ColumnClassification c = column(report, "customer", column);
        assertThat(c.classification()).as(column).isEqualTo(classification);
        assertThat(c.detector()).as(column).isEqualTo(detector);
    }

    @OnEachDatabase
    void values_are_recognised_with_or_without_a_telling_column_name(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            ClassifierFixture.create(db);

            ClassificationReport report = PiiClassifier.create().classify(db.dataSource());

            assertFound(report, "email", Classification.PII, "email");
            assertFound(report, "contact", Classification.PII, "email");
            assertFound(report, "card_number", Classification.PCI, "payment_card");
            assertFound(report, "settlement", Classification.PII, "iban");
            assertFound(report, "gov_ref", Classification.PII, "national_id");
            assertFound(report, "tax_ref", Classification.PII, "national_id");
            assertFound(report, "last_ip", Classification.PII, "ip_address");
            assertFound(report, "origin", Classification.PII, "ip_address");
            assertFound(report, "holder", Classification.PII, "person_name");
            assertFound(report, "mobile", Classification.PII, "phone");
        }
    }

    @OnEachDatabase
    void names_alone_classify_secrets_and_health_data(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            ClassifierFixture.create(db);

            ClassificationReport report = PiiClassifier.create().classify(db.dataSource());

            assertFound(report, "password_hash", Classification.SECRET, "column_name");
            assertFound(report, "diagnosis", Classification.PHI, "column_name");
            assertThat(column(report, "customer", "diagnosis").confidence()).isEqualTo(0.6);
        }
    }

    @OnEachDatabase
    void plain_columns_are_not_flagged(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            ClassifierFixture.create(db);

            ClassificationReport report = PiiClassifier.create().classify(db.dataSource());

            for (String plain : List.of("id", "ref_code", "legacy_ref", "sku", "status", "quantity", "price", "note",
                    "order_day", "created_on", "visits")) {
                assertThat(column(report, "customer", plain).classification()).as(plain)
                        .isEqualTo(Classification.NONE);
            }
            assertThat(column(report, "product", "name").classification()).isEqualTo(Classification.NONE);
            assertThat(column(report, "product", "colour").classification()).isEqualTo(Classification.NONE);
        }
    }

    @OnEachDatabase
    void sixteen_digit_numbers_failing_luhn_are_no_cards(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            ClassifierFixture.create(db);

            ColumnClassification refCode = column(PiiClassifier.create().classify(db.dataSource()), "customer",
                    "ref_code");

            assertThat(refCode.classification()).isEqualTo(Classification.NONE);
            assertThat(refCode.sampled()).isEqualTo(ClassifierFixture.ROWS);
        }
    }

    @OnEachDatabase
    void name_and_values_agreeing_are_more_confident_than_a_name_alone(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            ClassifierFixture.create(db);

            ClassificationReport report = PiiClassifier.create().classify(db.dataSource());
            ClassificationReport namesOnly = PiiClassifier.create().sampleSize(0).classify(db.dataSource());

            ColumnClassification email = column(report, "customer", "email");
            assertThat(email.confidence()).isEqualTo(1.0);
            assertThat(email.sampled()).isEqualTo(ClassifierFixture.ROWS);
            assertThat(email.matched()).isEqualTo(ClassifierFixture.ROWS);
            ColumnClassification byName = column(namesOnly, "customer", "email");
            assertThat(byName.detector()).isEqualTo("column_name");
            assertThat(byName.confidence()).isEqualTo(0.6);
            assertThat(byName.sampled()).isZero();
            assertThat(column(namesOnly, "customer", "contact").classification()).isEqualTo(Classification.NONE);
        }
    }

    @OnEachDatabase
    void a_column_below_the_threshold_is_not_reported_on_its_values(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE feedback (id INT PRIMARY KEY, reply_to VARCHAR(100))");
            for (int i = 0; i < 10; i++) {
                db.execute("INSERT INTO feedback VALUES (" + i + ", '" + (i < 6 ? "fan" + i + "@example.com" : "n/a")
                        + "')");
            }

            ColumnClassification strict = column(PiiClassifier.create().classify(db.dataSource()), "feedback",
                    "reply_to");
            ColumnClassification lenient = column(PiiClassifier.create().threshold(0.5).classify(db.dataSource()),
                    "feedback", "reply_to");

            assertThat(strict.classification()).isEqualTo(Classification.NONE);
            assertThat(lenient.classification()).isEqualTo(Classification.PII);
            assertThat(lenient.confidence()).isEqualTo(0.6);
            assertThat(lenient.matched()).isEqualTo(6);
        }
    }

    @OnEachDatabase
    void nulls_are_not_counted_as_sampled(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            db.execute("CREATE TABLE prospect (id INT PRIMARY KEY, contact VARCHAR(100))");
            for (int i = 0; i < 10; i++) {
                db.execute("INSERT INTO prospect VALUES (" + i + ", " + (i < 3 ? "'lead" + i + "@example.com'" : "NULL")
                        + ")");
            }

            ColumnClassification contact = column(PiiClassifier.create().classify(db.dataSource()), "prospect", "contact");

            assertThat(contact.classification()).isEqualTo(Classification.PII);
            assertThat(contact.sampled()).isEqualTo(3);
        }
    }

    @OnEachDatabase
    void the_sample_size_limits_the_rows_read(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            ClassifierFixture.create(db);

            ClassificationReport report = PiiClassifier.create().sampleSize(5).classify(db.dataSource());

            assertThat(column(report, "customer", "email").sampled()).isEqualTo(5);
            assertThat(column(report, "customer", "email").classification()).isEqualTo(Classification.PII);
        }
    }

    @OnEachDatabase
    void no_sampled_value_appears_in_the_report_its_rules_or_the_log(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            ClassifierFixture fixture = ClassifierFixture.create(db);
            PrintStream err = System.err;
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            ClassificationReport report;
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                report = PiiClassifier.create().classify(db.dataSource());
            } finally {
                System.setErr(err);
            }

            String[] values = fixture.sensitiveValues.toArray(new String[0]);
            assertThat(report.toJson()).doesNotContain(values);
            assertThat(report.toString()).doesNotContain(values);
            assertThat(report.columns().toString()).doesNotContain(values);
            assertThat(report.toRulesJson("pii")).doesNotContain(values);
            assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(values);
        }
    }

    @OnEachDatabase
    void every_column_is_reported_and_drm_tables_are_left_out(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            ClassifierFixture.create(db);
            db.execute("CREATE TABLE drm_release (id INT PRIMARY KEY, actor_email VARCHAR(100))");

            ClassificationReport report = PiiClassifier.create().classify(db.dataSource());

            assertThat(report.columns()).hasSize(23 + 3);
            assertThat(report.column("drm_release", "actor_email")).isEmpty();
            assertThat(report.sensitive()).allMatch(ColumnClassification::sensitive).hasSize(12);
        }
    }

    @Test
    void a_negative_sample_size_is_refused() {
        assertThatThrownBy(() -> PiiClassifier.create().sampleSize(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sample size");
    }

    @Test
    void a_threshold_outside_zero_to_one_is_refused() {
        assertThatThrownBy(() -> PiiClassifier.create().threshold(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PiiClassifier.create().threshold(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
