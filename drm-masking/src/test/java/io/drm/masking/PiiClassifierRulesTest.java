package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.drm.testing.DbKind;
import io.drm.testing.OnEachDatabase;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;

/** The rules a classification proposes read back as rules, fit the schema and mask the data. */
final class PiiClassifierRulesTest {

    private final KeyProvider keys = TestKeys.standard();

    @OnEachDatabase
    void proposed_rules_read_back_and_validate(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            ClassifierFixture.create(db);
            ClassificationReport report = PiiClassifier.create().classify(db.dataSource());

            MaskingRules rules = MaskingRules.fromJson(report.toRulesJson("pii"), keys);

            assertThat(rules.rules()).hasSize(report.sensitive().size());
            assertThatCode(() -> rules.validate(db.dataSource())).doesNotThrowAnyException();
            assertThat(MaskingRules.fromJson(rules.toJson(), keys).toJson()).isEqualTo(rules.toJson());
        }
    }

    @OnEachDatabase
    void proposed_maskers_fit_what_each_column_holds(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            ClassifierFixture.create(db);

            MaskingRules rules = MaskingRules.fromJson(PiiClassifier.create().classify(db.dataSource())
                    .toRulesJson("pii"), keys);

            assertThat(rules.source("customer", "email").orElseThrow().masker()).isEqualTo("email");
            assertThat(rules.source("customer", "card_number").orElseThrow().masker()).isEqualTo("card");
            assertThat(rules.source("customer", "mobile").orElseThrow().masker()).isEqualTo("phone");
            assertThat(rules.source("customer", "holder").orElseThrow().masker()).isEqualTo("full_name");
            assertThat(rules.source("customer", "gov_ref").orElseThrow().masker()).isEqualTo("fpe");
            assertThat(rules.source("customer", "password_hash").orElseThrow().masker()).isEqualTo("redact");
            assertThat(rules.source("customer", "email").orElseThrow().keyId()).isEqualTo("pii");
            assertThat(rules.source("customer", "email").orElseThrow().comment())
                    .contains("PII by email", "24 of 24 sampled values matched", "review");
        }
    }

    @OnEachDatabase
    void proposed_maskers_accept_every_value_of_their_column(DbKind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind)) {
            ClassifierFixture.create(db);
            MaskingRules rules = MaskingRules.fromJson(PiiClassifier.create().classify(db.dataSource())
                    .toRulesJson("pii"), keys);

            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                for (MaskingRules.ColumnRule rule : rules.rules()) {
                    try (ResultSet rs = st.executeQuery("SELECT " + rule.column() + " FROM " + rule.table())) {
                        while (rs.next()) {
                            Object value = rs.getObject(1);
                            assertThatCode(() -> rule.masker().mask(value)).as(rule.column())
                                    .doesNotThrowAnyException();
                        }
                    }
                }
            }
        }
    }

    @OnEachDatabase
    void proposed_rules_let_a_copy_to_dev_through_the_guard(DbKind kind) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            ClassifierFixture.create(db);
            ClassificationReport report = PiiClassifier.create().classify(db.dataSource());
            MaskingRules rules = MaskingRules.fromJson(report.toRulesJson("pii"), keys);

            assertThatCode(() -> PromotionGuard.standard().check("prod", "dev", report, rules))
                    .doesNotThrowAnyException();
        }
    }

    @OnEachDatabase
    void written_rules_load_from_the_file(DbKind kind, @TempDir Path dir) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            ClassifierFixture.create(db);
            ClassificationReport report = PiiClassifier.create().classify(db.dataSource());
            Path file = dir.resolve("masking-rules.json");

            report.writeRules(file, "pii");

            assertThat(MaskingRules.load(file, keys).toJson()).isEqualTo(
                    MaskingRules.fromJson(report.toRulesJson("pii"), keys).toJson());
        }
    }

    @OnEachDatabase
    void rules_that_cannot_be_written_fail_with_a_coded_error(DbKind kind, @TempDir Path dir) {
        try (TestDatabase db = TestDatabase.create(kind)) {
            ClassifierFixture.create(db);
            ClassificationReport report = PiiClassifier.create().classify(db.dataSource());
            Path file = dir.resolve("no-such-dir").resolve("masking-rules.json");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> report.writeRules(file, "pii"))
                    .isInstanceOf(RulesFileException.class)
                    .hasMessageContainingAll("DRM-MASK-008", "no-such-dir", "nothing was written");
        }
    }
}
