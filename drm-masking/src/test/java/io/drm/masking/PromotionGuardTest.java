package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.drm.ConfigurationException;
import java.sql.JDBCType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Copies down to a lower environment need a masking rule for every sensitive column. */
final class PromotionGuardTest {

    private static final ClassificationReport REPORT = ClassificationReport.of(List.of(
            PiiClassifierReportTest.c("customer", "email", JDBCType.VARCHAR, Classification.PII, "email"),
            PiiClassifierReportTest.c("customer", "card_number", JDBCType.VARCHAR, Classification.PCI,
                    "payment_card"),
            PiiClassifierReportTest.c("customer", "password", JDBCType.VARCHAR, Classification.SECRET,
                    "column_name"),
            PiiClassifierReportTest.c("visit", "diagnosis", JDBCType.VARCHAR, Classification.PHI, "column_name"),
            PiiClassifierReportTest.c("customer", "status", JDBCType.VARCHAR, Classification.NONE, "none")));

    private static final MaskingRules EMAIL_ONLY = MaskingRules.builder()
            .column("CUSTOMER", "EMAIL", Maskers.redact("***")).build();

    private static final MaskingRules ALL = MaskingRules.builder()
            .column("customer", "email", Maskers.redact("***"))
            .column("customer", "card_number", Maskers.redact("***"))
            .column("customer", "password", Maskers.nullify())
            .column("visit", "diagnosis", Maskers.redact("***"))
            .build();

    private final PromotionGuard guard = PromotionGuard.standard();

    @Test
    void production_down_to_development_is_downward() {
        assertThat(guard.isDownward("prod", "dev")).isTrue();
        assertThat(guard.isDownward("prod", "staging")).isTrue();
        assertThat(guard.isDownward("staging", "test")).isTrue();
        assertThat(guard.isDownward("test", "dev")).isTrue();
    }

    @Test
    void upward_and_sideways_copies_are_not_downward() {
        assertThat(guard.isDownward("dev", "prod")).isFalse();
        assertThat(guard.isDownward("test", "staging")).isFalse();
        assertThat(guard.isDownward("prod", "prod")).isFalse();
    }

    @Test
    void aliases_and_any_case_name_the_same_environments() {
        assertThat(guard.isDownward("Production", "local")).isTrue();
        assertThat(guard.isDownward("STAGE", "qa")).isTrue();
        assertThat(guard.isDownward("qa", "development")).isTrue();
        assertThat(guard.isDownward("production", "prod")).isFalse();
    }

    @Test
    void an_unknown_environment_is_a_configuration_error_listing_the_known_ones() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> guard.isDownward("prd", "dev"));

        assertThat(e.code().id()).isEqualTo("DRM-CORE-001");
        assertThat(e.getMessage()).contains("unknown environment 'prd'",
                "prod (production) > staging (stage) > test (qa) > dev (development, local)");
    }

    @Test
    void a_downward_copy_is_blocked_naming_every_sensitive_column_without_a_rule() {
        PromotionBlockedException e = catchThrowableOfType(PromotionBlockedException.class,
                () -> guard.check("prod", "dev", REPORT, EMAIL_ONLY));

        assertThat(e.code().id()).isEqualTo("DRM-MASK-006");
        assertThat(e.getMessage()).contains("copying data from prod down to dev is blocked",
                "3 sensitive columns have no masking rule",
                "customer.card_number (PCI, payment_card)", "customer.password (SECRET, column_name)",
                "visit.diagnosis (PHI, column_name)")
                .doesNotContain("customer.email").doesNotContain("customer.status");
    }

    @Test
    void a_downward_copy_with_every_sensitive_column_covered_is_allowed() {
        assertThatCode(() -> guard.check("production", "test", REPORT, ALL)).doesNotThrowAnyException();
    }

    @Test
    void a_decrypt_rule_writes_plaintext_so_it_does_not_cover_a_sensitive_column() {
        Keyring keyring = Keyring.of(CryptoFixtures.KEYS, "k1");
        MaskingRules decrypting = MaskingRules.builder()
                .column("customer", "email", Maskers.decrypt(keyring))
                .column("customer", "card_number", Maskers.encryptDeterministic(keyring))
                .column("customer", "password", Maskers.encrypt(keyring))
                .column("visit", "diagnosis", Maskers.redact("***"))
                .build();

        assertThat(PromotionGuard.uncovered(REPORT, decrypting)).extracting(ColumnClassification::column)
                .containsExactly("email");
        assertThatThrownBy(() -> guard.check("prod", "dev", REPORT, decrypting))
                .isInstanceOf(PromotionBlockedException.class).hasMessageContaining("customer.email");
    }

    @Test
    void an_upward_copy_is_not_checked() {
        assertThatCode(() -> guard.check("dev", "prod", REPORT, EMAIL_ONLY)).doesNotThrowAnyException();
    }

    @Test
    void a_copy_within_one_environment_is_not_checked() {
        assertThatCode(() -> guard.check("staging", "stage", REPORT, EMAIL_ONLY)).doesNotThrowAnyException();
    }

    @Test
    void check_refuses_an_unknown_environment_even_with_every_column_covered() {
        assertThatThrownBy(() -> guard.check("prod", "sandbox", REPORT, ALL))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'sandbox'");
    }

    @Test
    void a_custom_order_ranks_its_own_environments() {
        PromotionGuard custom = PromotionGuard.of(List.of("live", "preprod", "uat", "sandbox"));

        assertThat(custom.isDownward("live", "sandbox")).isTrue();
        assertThat(custom.isDownward("UAT", "preprod")).isFalse();
        assertThatThrownBy(() -> custom.isDownward("prod", "dev")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("live > preprod > uat > sandbox");
    }

    @Test
    void a_custom_order_refuses_an_environment_given_twice() {
        assertThatThrownBy(() -> PromotionGuard.of(List.of("prod", "dev", "PROD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PROD is listed twice");
        assertThatThrownBy(() -> PromotionGuard.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_guard_describes_its_order() {
        assertThat(guard).hasToString("PromotionGuard[prod (production) > staging (stage) > test (qa)"
                + " > dev (development, local)]");
    }
}
