package io.drm.internal.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drm.InvalidManifestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An artifact's manifest ({@code <file>.manifest.json}): what the file's name and the table do not say.
 *
 * <pre>{@code
 * {"table": "country", "key": ["code"], "mode": "upsert", "owner": "reference-data",
 *  "columns": {"code": {"type": "text"}, "ssn": {"type": "text", "classification": ["PII"]}}}
 * }</pre>
 *
 * @param table the target table, or {@code null} for the artifact's name
 * @param key the key columns, empty for the table's primary key
 * @param mode the load mode, or {@code null} for the default ({@code upsert})
 * @param types column name (lower case) to declared type
 * @param classification column name (lower case) to its classification tags
 * @param owner who owns the data, or {@code null}
 */
public record Manifest(String table, List<String> key, LoadMode mode, Map<String, String> types,
        Map<String, List<String>> classification, String owner) {

    /** The manifest of an artifact that has none. */
    public static final Manifest NONE = new Manifest(null, List.of(), null, Map.of(), Map.of(), null);

    /** The classification tags drm knows (those of drm-masking's classifier). */
    public static final Set<String> TAGS = Set.of("PII", "PHI", "PCI", "SECRET");

    private static final Set<String> FIELDS = Set.of("table", "key", "mode", "columns", "owner");
    private static final Set<String> COLUMN_FIELDS = Set.of("type", "classification");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies. */
    public Manifest {
        key = List.copyOf(key);
        types = Map.copyOf(types);
        classification = Map.copyOf(classification);
    }

    /**
     * Returns the load mode, defaulting to upsert.
     *
     * @return the mode
     */
    public LoadMode effectiveMode() {
        return mode == null ? LoadMode.UPSERT : mode;
    }

    /**
     * Tells whether a column carries a classification tag.
     *
     * @param column the column name
     * @return {@code true} when its value must not appear in messages
     */
    public boolean classified(String column) {
        return classification.containsKey(column.toLowerCase(Locale.ROOT));
    }

    /**
     * Parses a manifest.
     *
     * @param content the manifest's bytes
     * @param where where it is, for messages
     * @return the manifest
     * @throws InvalidManifestException if it is not valid
     */
    public static Manifest parse(byte[] content, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw bad(where, "it is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (java.io.IOException e) {
            throw bad(where, "it cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad(where, "it must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw bad(where, "unknown field '" + field + "'; the fields are " + new java.util.TreeSet<>(FIELDS));
            }
        }
        String table = text(root, "table", where);
        String owner = text(root, "owner", where);
        List<String> key = new ArrayList<>();
        JsonNode k = root.get("key");
        if (k != null && k.isTextual()) {
            key.add(k.asText());
        } else if (k != null && k.isArray()) {
            for (JsonNode n : k) {
                if (!n.isTextual() || n.asText().isBlank()) {
                    throw bad(where, "'key' must be a column name or an array of column names");
                }
                key.add(n.asText());
            }
        } else if (k != null && !k.isNull()) {
            throw bad(where, "'key' must be a column name or an array of column names");
        }
        LoadMode mode = null;
        String modeText = text(root, "mode", where);
        if (modeText != null) {
            mode = LoadMode.parse(modeText);
            if (mode == null) {
                throw bad(where, "unknown load mode '" + modeText + "'; use upsert, replace or insert");
            }
        }
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, List<String>> tags = new LinkedHashMap<>();
        JsonNode columns = root.get("columns");
        if (columns != null && !columns.isObject()) {
            throw bad(where, "'columns' must be an object of column name to {\"type\": ..., \"classification\": [...]}");
        }
        if (columns != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = columns.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String column = e.getKey().toLowerCase(Locale.ROOT);
                JsonNode spec = e.getValue();
                if (!spec.isObject()) {
                    throw bad(where, "column '" + e.getKey() + "' must be an object with 'type' and/or 'classification'");
                }
                for (Iterator<String> f = spec.fieldNames(); f.hasNext();) {
                    String field = f.next();
                    if (!COLUMN_FIELDS.contains(field)) {
                        throw bad(where, "column '" + e.getKey() + "' has the unknown field '" + field
                                + "'; use 'type' and 'classification'");
                    }
                }
                String type = text(spec, "type", where);
                if (type != null) {
                    if (ColumnType.parse(type) == null) {
                        throw bad(where, "column '" + e.getKey() + "' has the unknown type '" + type + "'; use one of "
                                + ColumnType.NAMES);
                    }
                    types.put(column, type.toLowerCase(Locale.ROOT));
                }
                JsonNode c = spec.get("classification");
                if (c != null) {
                    List<String> list = new ArrayList<>();
                    for (JsonNode n : c.isArray() ? c : JSON.createArrayNode().add(c)) {
                        String tag = n.asText().toUpperCase(Locale.ROOT);
                        if (!n.isTextual() || !TAGS.contains(tag)) {
                            throw bad(where, "column '" + e.getKey() + "' has the unknown classification '"
                                    + n.asText() + "'; use " + new java.util.TreeSet<>(TAGS));
                        }
                        list.add(tag);
                    }
                    if (!list.isEmpty()) {
                        tags.put(column, List.copyOf(list));
                    }
                }
            }
        }
        return new Manifest(table, key, mode, types, tags, owner);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw bad(where, "'" + field + "' must be a non-blank string");
        }
        return v.asText();
    }

    private static InvalidManifestException bad(String where, String why) {
        return new InvalidManifestException("the manifest " + where + " is not valid: " + why + ". Nothing was"
                + " written; fix the manifest and plan again.");
    }
}
