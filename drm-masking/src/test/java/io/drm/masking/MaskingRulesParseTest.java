package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;

import io.drm.masking.MaskingRules.RuleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules files in JSON and YAML, and writing them back. */
final class MaskingRulesParseTest {

    static final String JSON = """
            {"version": 1,
             "rules": [
               {"table": "customer", "column": "email", "masker": "email", "keyId": "pii",
                "params": {"domain": "example.com"}},
               {"table": "customer", "column": "card_number", "masker": "card", "keyId": "pci",
                "params": {"keepBinAndLast4": true}},
               {"table": "customer", "column": "phone", "masker": "partial",
                "params": {"keepFirst": 2, "keepLast": 2, "maskChar": "#"}},
               {"table": "customer", "column": "ssn", "masker": "fpe", "keyId": "pii", "params": {"alphabet": "digits"}},
               {"table": "customer", "column": "notes", "masker": "redact", "comment": "free text"},
               {"table": "orders", "column": "amount", "masker": "noise", "keyId": "pii", "params": {"percent": 5.5}}
             ]}
            """;

    static final String YAML = """
            version: 1
            rules:
              - table: customer
                column: email
                masker: email
                keyId: pii
                params:
                  domain: example.com
              - {table: customer, column: card_number, masker: card, keyId: pci, params: {keepBinAndLast4: true}}
              - table: customer
                column: phone
                masker: partial
                params: {keepFirst: 2, keepLast: 2, maskChar: "#"}
              - table: customer
                column: ssn
                masker: fpe
                keyId: pii
                params: {alphabet: digits}
              - table: customer
                column: notes
                masker: redact
                comment: free text
              - table: orders
                column: amount
                masker: noise
                keyId: pii
                params:
                  percent: 5.5
            """;

    private final KeyProvider keys = TestKeys.standard();

    @Test
    void json_and_yaml_give_the_same_rules() {
        MaskingRules fromJson = MaskingRules.fromJson(JSON, keys);
        MaskingRules fromYaml = MaskingRules.fromYaml(YAML, keys);

        assertThat(fromYaml.toJson()).isEqualTo(fromJson.toJson());
        assertThat(fromYaml.rules()).extracting(r -> r.table() + "." + r.column() + "=" + r.masker().name())
                .containsExactlyElementsOf(fromJson.rules().stream()
                        .map(r -> r.table() + "." + r.column() + "=" + r.masker().name()).toList());
    }

    @Test
    void a_rule_keeps_its_masker_name_key_id_params_and_comment() {
        MaskingRules rules = MaskingRules.fromJson(JSON, keys);

        assertThat(rules.source("CUSTOMER", "Card_Number")).contains(
                new RuleSource("card", "pci", Map.of("keepBinAndLast4", true)));
        assertThat(rules.source("customer", "notes")).contains(new RuleSource("redact", null, Map.of(), "free text"));
        assertThat(rules.rule("customer", "email")).hasValueSatisfying(r -> assertThat(r.masker().name())
                .isEqualTo("email"));
    }

    @Test
    void toJson_reads_back_to_the_same_rules() {
        MaskingRules rules = MaskingRules.fromJson(JSON, keys);

        String written = rules.toJson();

        assertThat(MaskingRules.fromJson(written, keys).toJson()).isEqualTo(written);
        assertThat(written).contains("\"keyId\" : \"pii\"", "\"percent\" : 5.5", "\"maskChar\" : \"#\"");
    }

    @Test
    void toJson_holds_no_key() {
        assertThat(MaskingRules.fromJson(JSON, keys).toJson()).doesNotContain(TestKeys.leakedForms());
    }

    @Test
    void load_picks_the_syntax_by_extension(@TempDir Path dir) throws Exception {
        Path json = Files.writeString(dir.resolve("rules.json"), JSON);
        Path yaml = Files.writeString(dir.resolve("rules.YML"), YAML);
        Path yamlLong = Files.writeString(dir.resolve("rules.yaml"), YAML);

        String expected = MaskingRules.fromJson(JSON, keys).toJson();

        assertThat(MaskingRules.load(json, keys).toJson()).isEqualTo(expected);
        assertThat(MaskingRules.load(yaml, keys).toJson()).isEqualTo(expected);
        assertThat(MaskingRules.load(yamlLong, keys).toJson()).isEqualTo(expected);
    }

    @Test
    void every_catalogue_masker_can_be_named_in_a_file() {
        String json = """
                {"version": 1, "rules": [
                  {"table": "t", "column": "c1", "masker": "redact", "params": {"value": "x"}},
                  {"table": "t", "column": "c2", "masker": "nullify"},
                  {"table": "t", "column": "c3", "masker": "partial", "params": {"keepFirst": 1, "keepLast": 0}},
                  {"table": "t", "column": "c4", "masker": "token", "keyId": "pii", "params": {"length": 8, "alphabet": "hex"}},
                  {"table": "t", "column": "c5", "masker": "fpe", "keyId": "pii", "params": {"alphabet": "0123456789ABCDEF"}},
                  {"table": "t", "column": "c6", "masker": "email", "keyId": "pii"},
                  {"table": "t", "column": "c7", "masker": "phone", "keyId": "pii"},
                  {"table": "t", "column": "c8", "masker": "card", "keyId": "pci"},
                  {"table": "t", "column": "c9", "masker": "first_name", "keyId": "pii"},
                  {"table": "t", "column": "c10", "masker": "last_name", "keyId": "pii"},
                  {"table": "t", "column": "c11", "masker": "full_name", "keyId": "pii"},
                  {"table": "t", "column": "c12", "masker": "street_address", "keyId": "pii"},
                  {"table": "t", "column": "c13", "masker": "city", "keyId": "pii"},
                  {"table": "t", "column": "c14", "masker": "noise", "keyId": "pii", "params": {"percent": 10}},
                  {"table": "t", "column": "c15", "masker": "date_shift", "keyId": "pii", "params": {"maxDays": 30}},
                  {"table": "t", "column": "c16", "masker": "age_band"},
                  {"table": "t", "column": "c17", "masker": "postcode_prefix", "params": {"keep": 3}},
                  {"table": "t", "column": "c18", "masker": "shuffle", "keyId": "pii"}
                ]}
                """;

        MaskingRules rules = MaskingRules.fromJson(json, keys);

        assertThat(rules.rules()).extracting(r -> r.masker().name()).containsExactly("redact", "nullify", "partial",
                "token", "fpe", "email", "phone", "card", "first_name", "last_name", "full_name", "street_address",
                "city", "noise", "date_shift", "age_band", "postcode_prefix", "shuffle");
        assertThat(rules.rule("t", "c18").orElseThrow().masker()).isInstanceOf(WindowMasker.class);
    }

    @Test
    void an_empty_rules_list_is_valid() {
        assertThat(MaskingRules.fromJson("{\"version\": 1, \"rules\": []}", keys).rules()).isEmpty();
    }

    @Test
    void a_rule_built_in_java_is_written_with_its_masker_name() {
        MaskingRules rules = MaskingRules.builder()
                .column("customer", "email", Maskers.redact("***"))
                .column("customer", "card_number", Maskers.paymentCard(TestKeys.PCI.clone(), true),
                        new RuleSource("card", "pci", Map.of("keepBinAndLast4", true)))
                .build();

        MaskingRules back = MaskingRules.fromJson(rules.toJson(), keys);

        assertThat(back.source("customer", "email")).contains(new RuleSource("redact", null, Map.of()));
        assertThat(back.source("customer", "card_number")).contains(
                new RuleSource("card", "pci", Map.of("keepBinAndLast4", true)));
    }
}
