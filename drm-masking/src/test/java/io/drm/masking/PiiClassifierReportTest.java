package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.JDBCType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report as a value: lookups, JSON, and proposals by column type. */
final class PiiClassifierReportTest {

    static ColumnClassification c(String table, String column, JDBCType type, Classification cls, String detector) {
        return new ColumnClassification(table, column, type, cls, cls == Classification.NONE ? 0 : 0.9, detector,
                10, cls == Classification.NONE ? 0 : 9);
    }

    private static final ClassificationReport REPORT = ClassificationReport.of(List.of(
            c("CUSTOMER", "EMAIL", JDBCType.VARCHAR, Classification.PII, "email"),
            c("CUSTOMER", "BIRTH_DATE", JDBCType.DATE, Classification.PII, "column_name"),
            c("CUSTOMER", "CARD", JDBCType.BIGINT, Classification.PCI, "column_name"),
            c("CUSTOMER", "STATUS", JDBCType.VARCHAR, Classification.NONE, "none")));

    @Test
    void columns_are_found_whatever_the_case() {
        assertThat(REPORT.column("customer", "email")).hasValueSatisfying(col ->
                assertThat(col.classification()).isEqualTo(Classification.PII));
        assertThat(REPORT.column("customer", "nope")).isEmpty();
    }

    @Test
    void sensitive_leaves_out_none() {
        assertThat(REPORT.sensitive()).extracting(ColumnClassification::column).containsExactly("EMAIL", "BIRTH_DATE",
                "CARD");
        assertThat(REPORT.columns()).hasSize(4);
    }

    @Test
    void a_column_classified_twice_is_refused() {
        assertThatThrownBy(() -> ClassificationReport.of(List.of(
                c("t", "a", JDBCType.VARCHAR, Classification.NONE, "none"),
                c("T", "A", JDBCType.VARCHAR, Classification.NONE, "none"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classified twice");
    }

    @Test
    void the_json_has_one_entry_per_column() throws Exception {
        JsonNode json = new ObjectMapper().readTree(REPORT.toJson());

        assertThat(json.get("sensitive").asInt()).isEqualTo(3);
        assertThat(json.get("columns")).hasSize(4);
        JsonNode email = json.get("columns").get(0);
        assertThat(email.get("table").asText()).isEqualTo("CUSTOMER");
        assertThat(email.get("type").asText()).isEqualTo("VARCHAR");
        assertThat(email.get("classification").asText()).isEqualTo("PII");
        assertThat(email.get("detector").asText()).isEqualTo("email");
        assertThat(email.get("confidence").asDouble()).isEqualTo(0.9);
        assertThat(email.get("sampled").asInt()).isEqualTo(10);
        assertThat(email.get("matched").asInt()).isEqualTo(9);
    }

    @Test
    void proposals_pick_a_masker_that_supports_the_columns_type() {
        MaskingRules rules = MaskingRules.fromJson(REPORT.toRulesJson("pii"), TestKeys.standard());

        assertThat(rules.source("customer", "email").orElseThrow().masker()).isEqualTo("email");
        assertThat(rules.source("customer", "birth_date").orElseThrow().masker()).isEqualTo("date_shift");
        // no card masker handles BIGINT: the last resort is nullify, which takes no key
        assertThat(rules.source("customer", "card").orElseThrow()).satisfies(s -> {
            assertThat(s.masker()).isEqualTo("nullify");
            assertThat(s.keyId()).isNull();
        });
        assertThat(rules.rule("customer", "status")).isEmpty();
    }

    @Test
    void proposals_need_a_key_id() {
        assertThatThrownBy(() -> REPORT.toRulesJson(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_classification_refuses_impossible_counts() {
        assertThatThrownBy(() -> new ColumnClassification("t", "c", JDBCType.VARCHAR, Classification.PII, 0.5, "email",
                2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ColumnClassification("t", "c", JDBCType.VARCHAR, Classification.PII, 1.5, "email",
                2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
