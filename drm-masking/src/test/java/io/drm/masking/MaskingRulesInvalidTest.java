package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad rules files are refused before anything runs, every problem in one message, no key in it. */
final class MaskingRulesInvalidTest {

    private final KeyProvider keys = TestKeys.standard();

    private String invalid(ThrowingCallable call) {
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class, call);
        assertThat(e).as("InvalidRulesException").isNotNull();
        assertThat(e.code().id()).isEqualTo("DRM-MASK-001");
        assertThat(e.getMessage()).doesNotContain(TestKeys.leakedForms());
        return e.getMessage();
    }

    private String invalidJson(String json) {
        return invalid(() -> MaskingRules.fromJson(json, keys));
    }

    private static String rules(String... rules) {
        return "{\"version\": 1, \"rules\": [" + String.join(",", rules) + "]}";
    }

    @Test
    void text_that_is_not_json_is_refused_with_its_position() {
        assertThat(invalidJson("{\"version\": 1,\n \"rules\": [ oops ]}"))
                .contains("masking rules (JSON) is not valid JSON", "line 2");
    }

    @Test
    void text_that_is_not_yaml_is_refused() {
        assertThat(invalid(() -> MaskingRules.fromYaml("version: 1\nrules: [\n  {table: a\n", keys)))
                .contains("is not valid YAML");
    }

    @Test
    void a_json_key_given_twice_is_refused() {
        assertThat(invalidJson("{\"version\": 1, \"version\": 1, \"rules\": []}")).contains("version");
    }

    @Test
    void a_yaml_key_given_twice_is_refused() {
        assertThat(invalid(() -> MaskingRules.fromYaml("version: 1\nrules: []\nrules: []\n", keys)))
                .contains("is not valid YAML", "rules");
    }

    @Test
    void content_after_the_json_document_is_refused() {
        assertThat(invalidJson("{\"version\": 1, \"rules\": []} {\"version\": 1}")).contains("is not valid JSON");
    }

    @Test
    void an_empty_document_is_refused() {
        assertThat(invalid(() -> MaskingRules.fromYaml("", keys))).contains("is empty");
    }

    @Test
    void a_document_that_is_not_an_object_is_refused() {
        assertThat(invalidJson("[1, 2]")).contains("must be an object", "is a list");
    }

    @Test
    void an_unsupported_version_is_refused() {
        assertThat(invalidJson("{\"version\": 2, \"rules\": []}")).contains("version 2 is not supported",
                "reads version 1");
    }

    @Test
    void a_missing_version_is_refused() {
        assertThat(invalidJson("{\"rules\": []}")).contains("version is missing");
    }

    @Test
    void a_version_written_as_a_string_is_refused() {
        assertThat(invalidJson("{\"version\": \"1\", \"rules\": []}")).contains("version \"1\" is not supported");
    }

    @Test
    void missing_rules_are_refused() {
        assertThat(invalidJson("{\"version\": 1}")).contains("rules is missing");
    }

    @Test
    void an_unknown_top_level_field_is_refused() {
        assertThat(invalidJson("{\"version\": 1, \"rule\": [], \"rules\": []}"))
                .contains("unknown field 'rule' at the top");
    }

    @Test
    void an_unknown_masker_is_refused_with_a_suggestion() {
        assertThat(invalidJson(rules("{\"table\": \"customer\", \"column\": \"email\", \"masker\": \"emial\","
                + " \"keyId\": \"pii\"}")))
                .contains("rules[0] (customer.email): unknown masker 'emial'", "did you mean 'email'?");
    }

    @Test
    void a_missing_parameter_is_refused() {
        assertThat(invalidJson(rules("{\"table\": \"c\", \"column\": \"phone\", \"masker\": \"partial\","
                + " \"params\": {\"keepLast\": 2}}")))
                .contains("rules[0] (c.phone): masker 'partial' needs the parameter keepFirst");
    }

    @Test
    void an_unknown_parameter_is_refused_with_a_suggestion() {
        assertThat(invalidJson(rules("{\"table\": \"c\", \"column\": \"email\", \"masker\": \"email\","
                + " \"keyId\": \"pii\", \"params\": {\"domian\": \"example.com\"}}")))
                .contains("masker 'email' has no parameter 'domian'", "did you mean 'domain'?");
    }

    @Test
    void a_parameter_for_a_masker_that_takes_none_is_refused() {
        assertThat(invalidJson(rules("{\"table\": \"c\", \"column\": \"p\", \"masker\": \"phone\","
                + " \"keyId\": \"pii\", \"params\": {\"format\": \"e164\"}}")))
                .contains("masker 'phone' has no parameter 'format' (it takes none)");
    }

    @Test
    void a_number_written_as_a_string_is_refused() {
        assertThat(invalidJson(rules("{\"table\": \"c\", \"column\": \"t\", \"masker\": \"token\","
                + " \"keyId\": \"pii\", \"params\": {\"length\": \"16\"}}")))
                .contains("parameter length of masker 'token' must be a whole number, is a string");
    }

    @Test
    void a_fractional_whole_number_is_refused() {
        assertThat(invalidJson(rules("{\"table\": \"c\", \"column\": \"d\", \"masker\": \"date_shift\","
                + " \"keyId\": \"pii\", \"params\": {\"maxDays\": 1.5}}")))
                .contains("parameter maxDays of masker 'date_shift' must be a whole number");
    }

    @Test
    void a_boolean_written_as_text_is_refused() {
        assertThat(invalidJson(rules("{\"table\": \"c\", \"column\": \"card\", \"masker\": \"card\","
                + " \"keyId\": \"pci\", \"params\": {\"keepBinAndLast4\": \"yes\"}}")))
                .contains("parameter keepBinAndLast4 of masker 'card' must be true or false, is a string");
    }

    @Test
    void a_mask_character_of_two_characters_is_refused() {
        assertThat(invalidJson(rules("{\"table\": \"c\", \"column\": \"p\", \"masker\": \"partial\","
                + " \"params\": {\"keepFirst\": 1, \"keepLast\": 1, \"maskChar\": \"**\"}}")))
                .contains("parameter maskChar of masker 'partial' must be a string of one character, has 2");
    }

    @Test
    void a_negative_percentage_is_refused() {
        assertThat(invalidJson(rules("{\"table\": \"o\", \"column\": \"amount\", \"masker\": \"noise\","
                + " \"keyId\": \"pii\", \"params\": {\"percent\": -5}}")))
                .contains("parameter percent of masker 'noise' must be greater than 0, is -5");
    }

    @Test
    void an_alphabet_that_repeats_a_character_is_refused() {
        assertThat(invalidJson(rules("{\"table\": \"c\", \"column\": \"s\", \"masker\": \"fpe\","
                + " \"keyId\": \"pii\", \"params\": {\"alphabet\": \"0123456789abca\"}}")))
                .contains("parameter alphabet of masker 'fpe' is no alphabet", "repeats");
    }

    @Test
    void the_same_column_twice_is_refused_whatever_the_case() {
        assertThat(invalidJson(rules(
                "{\"table\": \"customer\", \"column\": \"email\", \"masker\": \"redact\"}",
                "{\"table\": \"CUSTOMER\", \"column\": \"Email\", \"masker\": \"nullify\"}")))
                .contains("rules[1] (CUSTOMER.Email): the column has a rule already (rules[0])");
    }

    @Test
    void a_keyed_masker_without_key_id_is_refused() {
        assertThat(invalidJson(rules("{\"table\": \"c\", \"column\": \"email\", \"masker\": \"email\"}")))
                .contains("rules[0] (c.email): masker 'email' needs a key; add \"keyId\"");
    }

    @Test
    void an_unkeyed_masker_with_a_key_id_is_refused() {
        assertThat(invalidJson(rules("{\"table\": \"c\", \"column\": \"n\", \"masker\": \"nullify\","
                + " \"keyId\": \"pii\"}")))
                .contains("rules[0] (c.n): masker 'nullify' takes no key; remove keyId");
    }

    @Test
    void a_mistyped_field_name_is_refused_with_a_suggestion() {
        assertThat(invalidJson(rules("{\"table\": \"c\", \"column\": \"email\", \"masker\": \"email\","
                + " \"keyid\": \"pii\"}")))
                .contains("unknown field 'keyid'", "did you mean 'keyId'?");
    }

    @Test
    void a_rule_without_table_or_column_is_refused() {
        assertThat(invalidJson(rules("{\"column\": \"email\", \"masker\": \"redact\"}",
                "{\"table\": \"c\", \"column\": 7, \"masker\": \"redact\"}")))
                .contains("rules[0]: table is missing", "rules[1]: column must be a string, is a number");
    }

    @Test
    void every_problem_of_a_file_is_listed_in_one_message() {
        String message = invalidJson("""
                {"version": 3, "rules": [
                  {"table": "customer", "column": "email", "masker": "emial", "keyId": "pii"},
                  {"table": "customer", "column": "phone", "masker": "partial", "params": {"keepLast": 2}},
                  {"table": "customer", "column": "card", "masker": "card", "keyId": "pci",
                   "params": {"keepBinAndLast4": "yes", "bin": 6}},
                  {"table": "customer", "column": "EMAIL", "masker": "redact"},
                  {"table": "customer", "column": "name", "masker": "full_name"},
                  {"table": "customer", "column": "notes", "masker": "redact", "keyId": "pii"}
                ]}
                """);

        assertThat(message).contains(
                "has 8 problems; nothing was masked",
                "version 3 is not supported",
                "rules[0] (customer.email): unknown masker 'emial'",
                "rules[1] (customer.phone): masker 'partial' needs the parameter keepFirst",
                "rules[2] (customer.card): parameter keepBinAndLast4 of masker 'card' must be true or false",
                "rules[2] (customer.card): masker 'card' has no parameter 'bin'",
                "rules[3] (customer.EMAIL): the column has a rule already (rules[0])",
                "rules[4] (customer.name): masker 'full_name' needs a key",
                "rules[5] (customer.notes): masker 'redact' takes no key");
    }

    @Test
    void a_missing_key_is_the_providers_key_failure_naming_every_missing_key_id() {
        String json = rules(
                "{\"table\": \"c\", \"column\": \"email\", \"masker\": \"email\", \"keyId\": \"crm\"}",
                "{\"table\": \"c\", \"column\": \"phone\", \"masker\": \"phone\", \"keyId\": \"crm\"}",
                "{\"table\": \"c\", \"column\": \"card\", \"masker\": \"card\", \"keyId\": \"payments\"}",
                "{\"table\": \"c\", \"column\": \"name\", \"masker\": \"full_name\", \"keyId\": \"pii\"}");

        MaskingKeyException e = catchThrowableOfType(MaskingKeyException.class,
                () -> MaskingRules.fromJson(json, keys));

        assertThat(e.code().id()).isEqualTo("DRM-MASK-002");
        assertThat(e.getMessage()).contains("2 keys could not be had",
                "key 'crm' for rules[0] (c.email), rules[1] (c.phone): no key 'crm' in the test key store",
                "key 'payments' for rules[2] (c.card)")
                .doesNotContain("'pii'")
                .doesNotContain(TestKeys.leakedForms());
        assertThat(e.getCause()).isInstanceOf(MaskingKeyException.class);
        assertThat(e.getSuppressed()).hasSize(1);
    }

    @Test
    void a_provider_failing_otherwise_is_a_key_failure_without_its_message() {
        KeyProvider broken = id -> {
            throw new IllegalStateException("vault said: key is " + new String(TestKeys.PII));
        };

        MaskingKeyException e = catchThrowableOfType(MaskingKeyException.class, () -> MaskingRules.fromJson(
                rules("{\"table\": \"c\", \"column\": \"email\", \"masker\": \"email\", \"keyId\": \"pii\"}"),
                broken));

        assertThat(e.getMessage()).contains("key 'pii'", "java.lang.IllegalStateException")
                .doesNotContain("vault said").doesNotContain(TestKeys.leakedForms());
        assertThat(e.getCause()).isNull();
    }

    @Test
    void a_provider_returning_no_key_is_a_key_failure() {
        MaskingKeyException e = catchThrowableOfType(MaskingKeyException.class, () -> MaskingRules.fromJson(
                rules("{\"table\": \"c\", \"column\": \"email\", \"masker\": \"email\", \"keyId\": \"pii\"}"),
                id -> new byte[0]));

        assertThat(e.getMessage()).contains("key 'pii' for rules[0] (c.email): the key provider returned no key");
    }

    @Test
    void a_key_the_catalogue_refuses_is_named_by_rule_and_key_id_only() {
        byte[] shortKey = "short".getBytes();
        String message = invalid(() -> MaskingRules.fromJson(
                rules("{\"table\": \"c\", \"column\": \"email\", \"masker\": \"email\", \"keyId\": \"pii\"}"),
                id -> shortKey.clone()));

        assertThat(message).contains("rules[0] (c.email): masker 'email' with key 'pii' refused its settings")
                .doesNotContain("short");
    }

    @Test
    void a_file_with_another_extension_is_refused(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("rules.txt"), rules());
        assertThat(invalid(() -> MaskingRules.load(file, keys))).contains("rules.txt", ".json, .yaml nor .yml");
    }

    @Test
    void a_missing_file_is_refused(@TempDir Path dir) {
        Path file = dir.resolve("absent.json");
        assertThat(invalid(() -> MaskingRules.load(file, keys))).contains("cannot read masking rules file",
                "absent.json", "NoSuchFileException");
    }

    @Test
    void a_problem_in_a_file_names_the_file(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("prod-rules.yaml"), "version: 1\nrules:\n  - {table: c}\n");
        assertThat(invalid(() -> MaskingRules.load(file, keys))).contains("masking rules file", "prod-rules.yaml",
                "rules[0]: column is missing", "rules[0]: masker is missing");
    }

    @Test
    void a_rule_source_refuses_a_parameter_that_is_no_scalar() {
        IllegalArgumentException e = catchThrowableOfType(IllegalArgumentException.class,
                () -> new MaskingRules.RuleSource("redact", null, Map.of("value", new Object())));
        assertThat(e).hasMessageContaining("must be a string, boolean or number");
    }
}
