package io.drm.masking.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.drm.masking.InvalidRulesException;
import io.drm.masking.KeyProvider;
import io.drm.masking.MaskingKeyException;
import io.drm.masking.MaskingRules;
import io.drm.masking.MaskingRules.RuleSource;
import io.drm.masking.TypedMasker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a rules file (JSON or YAML, one tree model) in three passes, each of which lists every
 * problem it finds before failing: the document's structure, masker names and parameters; then the
 * keys; then the catalogue's own checks when the maskers are made. Nothing is masked by any pass.
 */
public final class RulesParser {

    /** The two syntaxes of a rules file. */
    public enum Format {
        /** JSON. */
        JSON,
        /** YAML (the same structure). */
        YAML
    }

    private static final ObjectMapper JSON_MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectMapper YAML_MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final Set<String> TOP_FIELDS = Set.of("version", "rules");
    private static final List<String> RULE_FIELDS = List.of("table", "column", "masker", "keyId", "params", "comment");

    private RulesParser() {
    }

    /**
     * @param file a {@code .json}, {@code .yaml} or {@code .yml} file
     * @param keys the key provider
     * @return the rules
     */
    public static MaskingRules load(Path file, KeyProvider keys) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        Format format;
        if (name.endsWith(".json")) {
            format = Format.JSON;
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            format = Format.YAML;
        } else {
            throw new InvalidRulesException("masking rules file " + file + " has neither a .json, .yaml nor .yml"
                    + " extension; rename it so its format is known");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidRulesException("cannot read masking rules file " + file + " ("
                    + e.getClass().getSimpleName() + "); check the path and its permissions", e);
        }
        return parse(text, format, "masking rules file " + file, keys);
    }

    /**
     * @param text the document
     * @param format its syntax
     * @param origin where it comes from, for messages ("masking rules file rules.yaml")
     * @param keys the key provider
     * @return the rules
     */
    public static MaskingRules parse(String text, Format format, String origin, KeyProvider keys) {
        JsonNode root = read(text, format, origin);
        List<String> problems = new ArrayList<>();
        List<Draft> drafts = structure(root, problems);
        fail(origin, problems);
        Map<String, byte[]> fetched = keys(drafts, keys, origin);
        try {
            MaskingRules.Builder builder = MaskingRules.builder();
            for (Draft d : drafts) {
                byte[] key = d.keyId == null ? null : fetched.get(d.keyId).clone();
                try {
                    TypedMasker masker = MaskerRegistry.create(d.spec, d.keyId, key, d.params);
                    builder.column(d.table, d.column, masker, new RuleSource(d.spec.name(), d.keyId, d.params,
                            d.comment));
                } catch (IllegalArgumentException e) {
                    problems.add(d.where() + ": masker '" + d.spec.name() + "'"
                            + (d.keyId == null ? "" : " with key '" + d.keyId + "'") + " refused its settings: "
                            + e.getMessage());
                } finally {
                    if (key != null) {
                        Arrays.fill(key, (byte) 0);
                    }
                }
            }
            fail(origin, problems);
            return builder.build();
        } finally {
            fetched.values().forEach(k -> Arrays.fill(k, (byte) 0));
        }
    }

    private static JsonNode read(String text, Format format, String origin) {
        JsonNode root;
        try {
            root = (format == Format.JSON ? JSON_MAPPER : YAML_MAPPER).readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidRulesException(origin + " is not valid " + format + ": " + brief(e.getOriginalMessage())
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + "; fix the syntax", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InvalidRulesException(origin + " is empty; write {\"version\": 1, \"rules\": [...]}");
        }
        return root;
    }

    /** The parser's message without the excerpts of the document SnakeYAML adds on indented lines. */
    private static String brief(String message) {
        if (message == null) {
            return "(no detail)";
        }
        List<String> lines = new ArrayList<>();
        for (String line : message.split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                lines.add(line.strip());
            }
        }
        return lines.isEmpty() ? message.strip() : String.join("; ", lines);
    }

    private static void fail(String origin, List<String> problems) {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder m = new StringBuilder(origin).append(" has ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append("; nothing was masked:");
        for (String p : problems) {
            m.append("\n  - ").append(p);
        }
        throw new InvalidRulesException(m.toString());
    }

    private static List<Draft> structure(JsonNode root, List<String> problems) {
        List<Draft> drafts = new ArrayList<>();
        if (!root.isObject()) {
            problems.add("the document must be an object {\"version\": 1, \"rules\": [...]}, is "
                    + kind(root));
            return drafts;
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!TOP_FIELDS.contains(f)) {
                problems.add("unknown field '" + f + "' at the top (fields: version, rules)"
                        + Suggestions.didYouMean(f, TOP_FIELDS));
            }
        }
        JsonNode version = root.get("version");
        if (version == null) {
            problems.add("version is missing; write \"version\": " + MaskingRules.FORMAT_VERSION);
        } else if (!version.isIntegralNumber() || !version.canConvertToInt()
                || version.intValue() != MaskingRules.FORMAT_VERSION) {
            problems.add("version " + version + " is not supported; this drm reads version "
                    + MaskingRules.FORMAT_VERSION);
        }
        JsonNode rules = root.get("rules");
        if (rules == null) {
            problems.add("rules is missing; write \"rules\": [ ... ] with one object per column");
            return drafts;
        }
        if (!rules.isArray()) {
            problems.add("rules must be a list of rules, is " + kind(rules));
            return drafts;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Draft d = rule(i, rules.get(i), problems);
            if (d == null) {
                continue;
            }
            String column = d.table.toLowerCase(Locale.ROOT) + "." + d.column.toLowerCase(Locale.ROOT);
            Integer first = seen.putIfAbsent(column, i);
            if (first != null) {
                problems.add(d.where() + ": the column has a rule already (rules[" + first + "]); keep one of them");
                continue;
            }
            if (d.spec != null) {
                drafts.add(d);
            }
        }
        return drafts;
    }

    /** @return the draft (with a null spec when the masker is unusable), or null without table and column */
    private static Draft rule(int index, JsonNode node, List<String> problems) {
        String at = "rules[" + index + "]";
        if (!node.isObject()) {
            problems.add(at + ": must be an object with table, column and masker, is " + kind(node));
            return null;
        }
        String table = text(node, "table", at, problems);
        String column = text(node, "column", at, problems);
        String where = table != null && column != null ? at + " (" + table + "." + column + ")" : at;
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!RULE_FIELDS.contains(f)) {
                problems.add(where + ": unknown field '" + f + "' (fields: " + String.join(", ", RULE_FIELDS) + ")"
                        + Suggestions.didYouMean(f, RULE_FIELDS));
            }
        }
        String maskerName = text(node, "masker", where, problems);
        String keyId = node.has("keyId") ? text(node, "keyId", where, problems) : null;
        String comment = node.has("comment") ? text(node, "comment", where, problems) : null;
        MaskerRegistry.Spec spec = null;
        if (maskerName != null) {
            spec = MaskerRegistry.spec(maskerName.toLowerCase(Locale.ROOT)).orElse(null);
            if (spec == null) {
                problems.add(where + ": unknown masker '" + maskerName + "' (maskers: "
                        + String.join(", ", MaskerRegistry.names()) + ")"
                        + Suggestions.didYouMean(maskerName, MaskerRegistry.names()));
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        boolean paramsOk = params(node.get("params"), spec, where, params, problems);
        if (spec != null) {
            if (spec.keyed() && keyId == null && !node.has("keyId")) {
                problems.add(where + ": masker '" + spec.name() + "' needs a key; add \"keyId\": \"<key id>\"");
            } else if (!spec.keyed() && node.has("keyId")) {
                problems.add(where + ": masker '" + spec.name() + "' takes no key; remove keyId");
            }
        }
        if (table == null || column == null) {
            return null;
        }
        return new Draft(index, table, column, paramsOk ? spec : null, keyId, params, comment);
    }

    private static boolean params(JsonNode node, MaskerRegistry.Spec spec, String where, Map<String, Object> out,
            List<String> problems) {
        if (node != null && !node.isObject()) {
            problems.add(where + ": params must be an object of parameter names and values, is " + kind(node));
            return false;
        }
        if (spec == null) {
            return false;
        }
        int before = problems.size();
        List<String> names = spec.params().stream().map(MaskerRegistry.Param::name).toList();
        if (node != null) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                MaskerRegistry.Param p = spec.param(e.getKey()).orElse(null);
                if (p == null) {
                    problems.add(where + ": masker '" + spec.name() + "' has no parameter '" + e.getKey() + "' ("
                            + (names.isEmpty() ? "it takes none" : "parameters: " + String.join(", ", names)) + ")"
                            + Suggestions.didYouMean(e.getKey(), names));
                    continue;
                }
                String problem = ParamValues.check(p, e.getValue());
                if (problem != null) {
                    problems.add(where + ": parameter " + p.name() + " of masker '" + spec.name() + "' " + problem);
                } else {
                    out.put(p.name(), ParamValues.value(p, e.getValue()));
                }
            }
        }
        for (MaskerRegistry.Param p : spec.params()) {
            if (p.required() && (node == null || !node.has(p.name()))) {
                problems.add(where + ": masker '" + spec.name() + "' needs the parameter " + p.name() + " ("
                        + p.type().description() + "); add \"params\": {\"" + p.name() + "\": ...}");
            }
        }
        return problems.size() == before;
    }

    private static String text(JsonNode node, String field, String where, List<String> problems) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            problems.add(where + ": " + field + " is missing");
            return null;
        }
        if (!v.isTextual()) {
            problems.add(where + ": " + field + " must be a string, is " + kind(v));
            return null;
        }
        if (v.textValue().isBlank()) {
            problems.add(where + ": " + field + " must not be blank");
            return null;
        }
        return v.textValue();
    }

    static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isNumber()) {
            return "a number";
        }
        return node.isNull() ? "null" : node.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static Map<String, byte[]> keys(List<Draft> drafts, KeyProvider keys, String origin) {
        Map<String, List<String>> users = new LinkedHashMap<>();
        for (Draft d : drafts) {
            if (d.keyId != null) {
                users.computeIfAbsent(d.keyId, k -> new ArrayList<>()).add(d.where());
            }
        }
        Map<String, byte[]> fetched = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        List<MaskingKeyException> causes = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : users.entrySet()) {
            String why;
            try {
                byte[] key = keys.key(e.getKey());
                if (key != null && key.length > 0) {
                    fetched.put(e.getKey(), key);
                    continue;
                }
                why = "the key provider returned no key";
            } catch (MaskingKeyException k) {
                why = k.getMessage().startsWith(MaskingKeyException.CODE + ": ")
                        ? k.getMessage().substring(MaskingKeyException.CODE.id().length() + 2) : k.getMessage();
                causes.add(k);
            } catch (RuntimeException r) {
                // Only MaskingKeyException promises a message without the key: leave others out.
                why = "the key provider failed with " + r.getClass().getName();
            }
            failures.add("key '" + e.getKey() + "' for " + String.join(", ", e.getValue()) + ": " + why);
        }
        if (failures.isEmpty()) {
            return fetched;
        }
        fetched.values().forEach(k -> Arrays.fill(k, (byte) 0));
        StringBuilder m = new StringBuilder(origin).append(": ").append(failures.size())
                .append(failures.size() == 1 ? " key" : " keys").append(" could not be had; nothing was masked:");
        failures.forEach(f -> m.append("\n  - ").append(f));
        MaskingKeyException thrown = causes.isEmpty() ? new MaskingKeyException(m.toString())
                : new MaskingKeyException(m.toString(), causes.get(0));
        causes.stream().skip(1).forEach(thrown::addSuppressed);
        throw thrown;
    }

    private record Draft(int index, String table, String column, MaskerRegistry.Spec spec, String keyId,
            Map<String, Object> params, String comment) {
        String where() {
            return "rules[" + index + "] (" + table + "." + column + ")";
        }
    }
}
