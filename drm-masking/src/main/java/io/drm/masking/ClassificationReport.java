package io.drm.masking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drm.masking.internal.RuleProposer;
import io.drm.masking.internal.RulesJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link PiiClassifier} found: one {@link ColumnClassification} per column looked at, by table
 * then column order. Immutable and thread-safe. It holds names, types and counts, never a sampled
 * value.
 */
public final class ClassificationReport {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final List<ColumnClassification> columns;
    private final List<ColumnClassification> sensitive;

    private ClassificationReport(List<ColumnClassification> columns) {
        this.columns = List.copyOf(columns);
        this.sensitive = this.columns.stream().filter(ColumnClassification::sensitive).toList();
    }

    /**
     * A report of given classifications, for example one kept from an earlier run or written by
     * hand for a test.
     *
     * @param columns the columns, in order
     * @return the report
     * @throws NullPointerException if the list or an element is null
     * @throws IllegalArgumentException if a column appears twice (names compared case-insensitively)
     */
    public static ClassificationReport of(List<ColumnClassification> columns) {
        Set<String> seen = new HashSet<>();
        for (ColumnClassification c : columns) {
            String key = MaskingRules.fold(c.table()) + "." + MaskingRules.fold(c.column());
            if (!seen.add(key)) {
                throw new IllegalArgumentException("column " + c.qualifiedName() + " is classified twice");
            }
        }
        return new ClassificationReport(columns);
    }

    /** @return every column looked at */
    public List<ColumnClassification> columns() {
        return columns;
    }

    /** @return the columns classified PII, PHI, PCI or SECRET */
    public List<ColumnClassification> sensitive() {
        return sensitive;
    }

    /**
     * @param table a table name, any case
     * @param column a column name, any case
     * @return that column's classification
     */
    public Optional<ColumnClassification> column(String table, String column) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        return columns.stream().filter(c -> c.table().equalsIgnoreCase(table) && c.column().equalsIgnoreCase(column))
                .findFirst();
    }

    /**
     * @return the report as JSON: {@code {"columns": [{"table", "column", "type", "classification",
     *     "confidence", "detector", "sampled", "matched"}, ...]}}
     */
    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("sensitive", sensitive.size());
        ArrayNode list = root.putArray("columns");
        for (ColumnClassification c : columns) {
            list.addObject()
                    .put("table", c.table())
                    .put("column", c.column())
                    .put("type", c.type().getName())
                    .put("classification", c.classification().name())
                    .put("confidence", c.confidence())
                    .put("detector", c.detector())
                    .put("sampled", c.sampled())
                    .put("matched", c.matched());
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the classification report as JSON", e);
        }
    }

    /**
     * Proposes masking rules, in the rules file format, for review: one rule per sensitive column,
     * with a masker that fits what the column holds and supports its type (for example
     * {@code email} for e-mail addresses, {@code card} for card numbers, {@code fpe} over digits
     * for national ids and IBANs, {@code redact} for secrets and health data, {@code nullify} when
     * nothing else fits the type). Each rule's {@code comment} says why it was proposed. A column
     * that is NOT NULL and only fits {@code nullify} will fail {@link MaskingRules#validate}: pick
     * another masker for it.
     *
     * @param keyId the key id written for keyed maskers
     * @return the rules document
     * @throws NullPointerException if {@code keyId} is null
     * @throws IllegalArgumentException if {@code keyId} is blank
     */
    public String toRulesJson(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        if (keyId.isBlank()) {
            throw new IllegalArgumentException("keyId must not be blank");
        }
        List<RulesJson.Row> rows = new ArrayList<>();
        for (ColumnClassification c : sensitive) {
            RuleProposer.propose(c, keyId).ifPresent(s -> rows.add(new RulesJson.Row(c.table(), c.column(), s)));
        }
        return RulesJson.write(rows);
    }

    /**
     * Writes {@link #toRulesJson(String)} to a file (UTF-8), replacing it if it exists.
     *
     * @param file the file to write, for example {@code masking-rules.json}
     * @param keyId the key id written for keyed maskers
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code keyId} is blank
     * @throws RulesFileException (DRM-MASK-008) if the file cannot be written
     */
    public void writeRules(Path file, String keyId) {
        Objects.requireNonNull(file, "file");
        String json = toRulesJson(keyId);
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RulesFileException("cannot write masking rules to " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + ". Check that the directory exists and is"
                    + " writable; nothing was written.", e);
        }
    }

    @Override
    public String toString() {
        return "ClassificationReport[" + columns.size() + " columns, " + sensitive.size() + " sensitive]";
    }
}
