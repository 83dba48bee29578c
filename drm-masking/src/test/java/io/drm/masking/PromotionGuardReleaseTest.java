package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.ConfigurationException;
import io.drm.DataRelease;
import io.drm.Policy;
import io.drm.PolicyViolationException;
import io.drm.ReleasePlan;
import io.drm.ReleaseResult;
import io.drm.spi.ClassifiedColumn;
import io.drm.spi.MaskingGuard;
import io.drm.testing.DbKind;
import io.drm.testing.Migrations;
import io.drm.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The promotion guard as drm-core's masking guard: classified artifact columns need masking rules downwards. */
final class PromotionGuardReleaseTest {

    private static final ClassifiedColumn SSN = new ClassifiedColumn("V2__person.csv", "person", "ssn", List.of("PII"));
    private static final ClassifiedColumn CARD = new ClassifiedColumn("V2__person.csv", "person", "card",
            List.of("PCI"));
    private static final MaskingRules SSN_ONLY = MaskingRules.builder()
            .column("PERSON", "SSN", Maskers.redact("***")).build();

    @TempDir
    Path dir;

    @Test
    void downward_releases_need_a_rule_for_each_classified_column() {
        MaskingGuard guard = PromotionGuard.standard().releaseGuard("prod", SSN_ONLY);
        assertThat(guard.unmasked("dev", List.of(SSN, CARD))).containsExactly(CARD);
        assertThat(guard.unmasked("staging", List.of(SSN))).isEmpty();
        assertThat(guard.unmasked("prod", List.of(SSN, CARD))).isEmpty(); // not downward
    }

    @Test
    void an_unknown_source_environment_is_refused_at_once() {
        assertThatThrownBy(() -> PromotionGuard.standard().releaseGuard("moon", SSN_ONLY))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown environment 'moon'");
    }

    @Test
    void a_release_of_classified_columns_to_dev_is_blocked_until_they_have_rules() {
        Migrations m = Migrations.in(dir)
                .add("V1__create_person.sql", "CREATE TABLE person (id INT PRIMARY KEY, ssn VARCHAR(20),"
                        + " card VARCHAR(20));\n")
                .add("V2__person.csv", "id,ssn,card\n1,078-05-1120,4111111111111111\n")
                .add("V2__person.csv.manifest.json", "{\"columns\": {\"ssn\": {\"type\": \"text\", \"classification\":"
                        + " [\"PII\"]}, \"card\": {\"type\": \"text\", \"classification\": [\"PCI\"]}}}");
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            DataRelease.Builder dev = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .environment("dev").policies(Policy.maskClassifiedColumns(
                            PromotionGuard.standard().releaseGuard("prod", SSN_ONLY), "dev"));
            ReleasePlan plan = dev.plan();
            assertThat(plan.violations()).singleElement().satisfies(v -> {
                assertThat(v.code()).isEqualTo(PolicyViolationException.UNMASKED_COLUMNS);
                assertThat(v.message()).contains("person.card [PCI]").doesNotContain("person.ssn")
                        .doesNotContain("4111");
            });
            assertThatThrownBy(plan::apply).isInstanceOf(PolicyViolationException.class)
                    .hasMessageStartingWith("DRM-POLICY-013");
            assertThat(db.tableExists("person")).isFalse();

            MaskingRules both = MaskingRules.builder().column("person", "ssn", Maskers.redact("***"))
                    .column("person", "card", Maskers.redact("***")).build();
            ReleaseResult r = DataRelease.configure().dataSource(db.dataSource()).locations(m.location())
                    .environment("dev").maskingGuard(PromotionGuard.standard().releaseGuard("prod", both))
                    .policies("version: 1\nrules:\n  - rule: masked-classified-columns\n").plan().apply();
            assertThat(r.outcome()).isEqualTo(ReleaseResult.Outcome.APPLIED);
        }
    }

    @Test
    void a_policy_file_rule_without_a_guard_is_a_configuration_error() {
        try (TestDatabase db = TestDatabase.create(DbKind.H2)) {
            assertThatThrownBy(() -> DataRelease.configure().dataSource(db.dataSource()).locations("filesystem:" + dir)
                    .policies("version: 1\nrules:\n  - rule: masked-classified-columns\n").plan())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("maskingGuard(");
        }
    }
}
