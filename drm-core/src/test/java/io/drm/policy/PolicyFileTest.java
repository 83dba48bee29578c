package io.drm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.InvalidPolicyException;
import io.drm.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy files in JSON and YAML, and the errors for bad ones. */
final class PolicyFileTest {

    static final String YAML = """
            version: 1
            rules:
              - rule: require-approval
                environments: [prod]
              - rule: max-rows
                limit: 1000
              - rule: release-window
                environments: [prod]
                zone: Europe/Berlin
                from: "09:00"
                to: "17:00"
                days: [MON, TUE, WED, THU, FRI]
              - rule: least-privilege
                environments: [prod]
              - rule: destructive-without-undo
              - rule: require-attestation
                environments: [prod]
                from: staging
              - rule: findings
                id: no-locking-risk
                match: {category: LOCKING_RISK, severity: WARNING}
                action: require-approval
            """;

    static final String JSON = """
            {"version": 1, "rules": [
              {"rule": "require-approval", "environments": ["prod"]},
              {"rule": "max-rows", "limit": 1000},
              {"rule": "release-window", "environments": ["prod"], "zone": "Europe/Berlin",
               "from": "09:00", "to": "17:00", "days": ["MON", "TUE", "WED", "THU", "FRI"]},
              {"rule": "least-privilege", "environments": ["prod"]},
              {"rule": "destructive-without-undo"},
              {"rule": "require-attestation", "environments": ["prod"], "from": "staging"},
              {"rule": "findings", "id": "no-locking-risk",
               "match": {"category": "LOCKING_RISK", "severity": "WARNING"}, "action": "require-approval"}
            ]}
            """;

    @TempDir
    Path dir;

    @Test
    void json_and_yaml_files_give_the_same_rules() throws Exception {
        Path yaml = Files.writeString(dir.resolve("policy.yaml"), YAML);
        Path json = Files.writeString(dir.resolve("policy.json"), JSON);
        Policy a = Policy.load(yaml);
        Policy b = Policy.load(json);
        assertThat(a.rules()).hasSize(7).isEqualTo(b.rules());
    }

    private static void bad(String text, String... expected) {
        assertThatThrownBy(() -> Policy.parse(text)).isInstanceOf(InvalidPolicyException.class)
                .satisfies(e -> assertThat(((InvalidPolicyException) e).code().id()).isEqualTo("DRM-POLICY-001"))
                .hasMessageContainingAll(expected);
    }

    @Test
    void a_bad_value_is_named_by_line_and_field() {
        bad("version: 1\nrules:\n  - rule: max-rows\n    limit: lots\n", "line 4", "field rules[0].limit",
                "whole number");
        bad("{\"version\": 1,\n \"rules\": [\n  {\"rule\": \"release-window\", \"zone\": \"Mars/Olympus\",\n"
                + "   \"from\": \"09:00\", \"to\": \"17:00\"}]}", "line 3", "field rules[0].zone", "time zone");
        bad("version: 1\nrules:\n  - rule: release-window\n    zone: UTC\n    from: \"9am\"\n    to: \"17:00\"\n",
                "line 5", "rules[0].from", "time of day");
        bad("version: 1\nrules:\n  - rule: release-window\n    zone: UTC\n    from: \"09:00\"\n    to: \"17:00\"\n"
                + "    days: [MON, FUNDAY]\n", "line 7", "rules[0].days[1]", "FUNDAY");
    }

    @Test
    void unknown_rules_and_fields_are_named() {
        bad("version: 1\nrules:\n  - rule: require-approval\n  - rule: be-nice\n", "line 4", "rules[1].rule",
                "unknown rule 'be-nice'", "known: ");
        bad("version: 1\nrules:\n  - rule: max-rows\n    limit: 5\n    limt: 6\n", "line 5", "rules[0].limt",
                "unknown field 'limt'");
        bad("version: 1\nrules:\n  - rule: require-attestation\n", "line 3", "rules[0]", "'from' must be given");
        bad("version: 2\nrules: []\n", "line 1", "field version", "'version' must be 1");
        bad("{\"version\": 1, \"rules\": {}}", "field rules", "list of rules");
        bad("version: 1\nrules:\n  - rule: findings\n    id: x\n    match: {category: LOCKING}\n", "line 5",
                "rules[0].match.category", "'LOCKING' is not one of");
    }

    @Test
    void text_that_is_not_json_or_yaml_is_named_by_line() {
        bad("{\"version\": 1,\n \"rules\": [\n  {\"rule\": }\n]}", "not valid JSON at line 3");
        bad("version: 1\nrules:\n  - rule: [unclosed\n", "not valid YAML at line");
    }

    @Test
    void a_missing_file_is_the_same_code() {
        assertThatThrownBy(() -> Policy.load(dir.resolve("missing.yaml"))).isInstanceOf(InvalidPolicyException.class)
                .hasMessageContaining("DRM-POLICY-001").hasMessageContaining("missing.yaml");
    }
}
