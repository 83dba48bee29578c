package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.ConfigurationException;
import io.drm.DrmException;
import io.drm.testing.DbKind;
import io.drm.testing.RecordingSink;
import io.drm.testing.TestDatabase;
import java.sql.JDBCType;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A masked copy declared as a promotion is checked by the promotion guard before anything is written. */
final class MaskedCopyPromotionTest {

    private TestDatabase source;
    private TestDatabase target;

    @BeforeEach
    void createDatabases() {
        source = TestDatabase.create(DbKind.H2);
        target = TestDatabase.create(DbKind.H2);
        JobFixtures.customers(source, 20);
        JobFixtures.orders(source, 20, 2);
        JobFixtures.customerTable(target);
        JobFixtures.ordersTable(target);
    }

    @AfterEach
    void dropDatabases() {
        source.close();
        target.close();
    }

    @Test
    void a_copy_to_a_lower_environment_without_a_rule_for_a_classified_column_is_refused_and_audited() {
        RecordingSink audit = RecordingSink.recording();
        MaskedCopy copy = MaskedCopy.from(source.dataSource()).to(target.dataSource())
                .rules(MaskingRules.builder().column("customer", "name", TestMaskers.TOKEN).build())
                .promotion("prod", "dev").auditSink(audit).build();

        assertThatThrownBy(copy::run).isInstanceOf(PromotionBlockedException.class)
                .satisfies(e -> assertThat(((DrmException) e).code().id()).isEqualTo("DRM-MASK-006"))
                .satisfies(e -> assertThat(e.getMessage().toLowerCase(Locale.ROOT)).contains("customer.email"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("@corp.test"));
        assertThat(target.queryLong("SELECT COUNT(*) FROM customer")).isZero();
        assertThat(audit.actions()).containsExactly("policy.violation");
        assertThat(audit.events().get(0).details().get("uncoveredColumns").toLowerCase(Locale.ROOT))
                .contains("customer.email (pii)");
    }

    @Test
    void a_copy_whose_rules_cover_every_classified_column_runs() {
        ClassificationReport report = PiiClassifier.create().classify(source.dataSource());
        assertThat(report.sensitive()).isNotEmpty();
        MaskingRules.Builder rules = MaskingRules.builder();
        for (ColumnClassification c : report.sensitive()) {
            rules.column(c.table(), c.column(), TestMaskers.TOKEN);
        }

        MaskingReport done = MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(rules.build())
                .promotion("production", "qa").build().run();

        assertThat(done.rows()).isEqualTo(60);
        assertThat(target.queryStrings("SELECT email FROM customer")).noneMatch(v -> v.endsWith("@corp.test"));
    }

    @Test
    void a_copy_to_a_higher_environment_is_not_checked() {
        MaskingReport done = MaskedCopy.from(source.dataSource()).to(target.dataSource())
                .rules(MaskingRules.builder().build()).promotion("dev", "prod").build().run();

        assertThat(done.rows()).isEqualTo(60);
    }

    @Test
    void a_given_classification_is_used_and_only_the_copied_tables_count() {
        ClassificationReport report = ClassificationReport.of(List.of(
                new ColumnClassification("ORDERS", "NOTE", JDBCType.VARCHAR, Classification.SECRET, 1.0, "column_name",
                        0, 0),
                new ColumnClassification("CUSTOMER", "CITY", JDBCType.VARCHAR, Classification.PII, 1.0, "column_name",
                        0, 0)));
        MaskingRules cityOnly = MaskingRules.builder().column("customer", "city", TestMaskers.TOKEN).build();

        assertThatThrownBy(() -> MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(cityOnly)
                .promotion("prod", "staging", report).build().run())
                .isInstanceOf(PromotionBlockedException.class).hasMessageContaining("NOTE");

        MaskingReport done = MaskedCopy.from(source.dataSource()).to(target.dataSource()).rules(cityOnly)
                .tables("customer").promotion("prod", "staging", report).build().run();
        assertThat(done.rows()).isEqualTo(20);
    }

    @Test
    void an_unknown_environment_is_refused_when_the_copy_is_built() {
        assertThatThrownBy(() -> MaskedCopy.from(source.dataSource()).to(target.dataSource())
                .rules(MaskingRules.builder().build()).promotion("prod", "sandbox").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("sandbox");
    }
}
