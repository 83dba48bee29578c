package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any valid rules file reads back from its own toJson, and from the same document in YAML. */
final class MaskingRulesRoundTripTest {

    private static final KeyProvider KEYS = TestKeys.standard();

    private record Rule(String table, String column, String masker, String keyId, Map<String, Object> params) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", table);
            m.put("column", column);
            m.put("masker", masker);
            if (keyId != null) {
                m.put("keyId", keyId);
            }
            if (!params.isEmpty()) {
                m.put("params", params);
            }
            return m;
        }
    }

    @Provide
    Arbitrary<List<Rule>> rules() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').withChars('_').ofMinLength(1)
                .ofMaxLength(12);
        Arbitrary<String> key = Arbitraries.of("pii", "pci");
        Arbitrary<Rule> rule = Arbitraries.oneOf(
                Combinators.combine(names, names).as((t, c) -> new Rule(t, c, "nullify", null, Map.of())),
                Combinators.combine(names, names, Arbitraries.strings().ofMaxLength(8))
                        .as((t, c, v) -> new Rule(t, c, "redact", null, Map.of("value", v))),
                Combinators.combine(names, names, Arbitraries.integers().between(0, 6),
                        Arbitraries.integers().between(0, 6), Arbitraries.chars().alpha())
                        .as((t, c, f, l, ch) -> new Rule(t, c, "partial", null,
                                Map.of("keepFirst", f, "keepLast", l, "maskChar", String.valueOf(ch)))),
                Combinators.combine(names, names, key, Arbitraries.integers().between(1, 64),
                        Arbitraries.of("digits", "lower", "upper", "alpha", "alnum", "hex", "01", "xyz"))
                        .as((t, c, k, n, a) -> new Rule(t, c, "token", k, Map.of("length", n, "alphabet", a))),
                Combinators.combine(names, names, key, Arbitraries.of(true, false))
                        .as((t, c, k, b) -> new Rule(t, c, "card", k, Map.of("keepBinAndLast4", b))),
                Combinators.combine(names, names, key, Arbitraries.doubles().between(0.5, 100).ofScale(2))
                        .as((t, c, k, p) -> new Rule(t, c, "noise", k, Map.of("percent", p.doubleValue()))),
                Combinators.combine(names, names, key, Arbitraries.integers().between(1, 3650))
                        .as((t, c, k, d) -> new Rule(t, c, "date_shift", k, Map.of("maxDays", d))),
                Combinators.combine(names, names, key).as((t, c, k) -> new Rule(t, c, "email", k, Map.of())));
        return rule.list().ofMaxSize(8).map(MaskingRulesRoundTripTest::distinctColumns);
    }

    private static List<Rule> distinctColumns(List<Rule> rules) {
        Set<String> seen = new HashSet<>();
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            if (seen.add(r.table() + "." + r.column())) {
                out.add(r);
            }
        }
        return out;
    }

    private static Map<String, Object> document(List<Rule> rules) {
        return Map.of("version", 1, "rules", rules.stream().map(Rule::toMap).toList());
    }

    @Property(tries = 200)
    void toJson_reads_back_to_the_same_document(@ForAll("rules") List<Rule> rules) throws Exception {
        String json = new ObjectMapper().writeValueAsString(document(rules));

        MaskingRules parsed = MaskingRules.fromJson(json, KEYS);
        String written = parsed.toJson();

        assertThat(parsed.rules()).hasSize(rules.size());
        assertThat(MaskingRules.fromJson(written, KEYS).toJson()).isEqualTo(written);
        assertThat(new ObjectMapper().readTree(written)).isEqualTo(new ObjectMapper().readTree(json));
    }

    @Property(tries = 200)
    void yaml_reads_the_same_as_json(@ForAll("rules") List<Rule> rules) throws Exception {
        Map<String, Object> document = document(rules);

        MaskingRules fromJson = MaskingRules.fromJson(new ObjectMapper().writeValueAsString(document), KEYS);
        MaskingRules fromYaml = MaskingRules.fromYaml(new YAMLMapper().writeValueAsString(document), KEYS);

        assertThat(fromYaml.toJson()).isEqualTo(fromJson.toJson());
    }
}
