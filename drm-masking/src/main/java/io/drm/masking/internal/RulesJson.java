package io.drm.masking.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drm.masking.MaskingRules;
import io.drm.masking.MaskingRules.RuleSource;
import java.util.List;
import java.util.Map;

/** Writes rules in the rules file format: masker names, key ids and parameters, never keys. */
public final class RulesJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * One rule to write.
     *
     * @param table the table
     * @param column the column
     * @param source its masker name, key id, parameters and comment
     */
    public record Row(String table, String column, RuleSource source) {
    }

    private RulesJson() {
    }

    /**
     * @param rows the rules, in order
     * @return the document, pretty-printed, ending with a newline
     */
    public static String write(List<Row> rows) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", MaskingRules.FORMAT_VERSION);
        ArrayNode rules = root.putArray("rules");
        for (Row row : rows) {
            ObjectNode rule = rules.addObject();
            rule.put("table", row.table());
            rule.put("column", row.column());
            rule.put("masker", row.source().masker());
            if (row.source().keyId() != null) {
                rule.put("keyId", row.source().keyId());
            }
            if (!row.source().params().isEmpty()) {
                ObjectNode params = rule.putObject("params");
                for (Map.Entry<String, Object> p : row.source().params().entrySet()) {
                    params.set(p.getKey(), MAPPER.valueToTree(p.getValue()));
                }
            }
            if (row.source().comment() != null) {
                rule.put("comment", row.source().comment());
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write masking rules as JSON", e);
        }
    }
}
