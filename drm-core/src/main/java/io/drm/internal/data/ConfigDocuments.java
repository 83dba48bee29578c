package io.drm.internal.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.drm.InvalidConfigException;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads configuration documents: an object (JSON) or mapping (YAML) of keys to JSON values. */
public final class ConfigDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    private ConfigDocuments() {
    }

    /**
     * Parses a document.
     *
     * @param format {@link ArtifactName.Format#CONFIG_JSON} or {@link ArtifactName.Format#CONFIG_YAML}
     * @param content the plaintext
     * @param where where the file is, for messages
     * @return key to the value's canonical JSON text, in the document's order
     * @throws InvalidConfigException if the document is not an object of keys to values
     */
    public static Map<String, String> parse(ArtifactName.Format format, byte[] content, String where) {
        JsonNode root;
        try {
            root = (format == ArtifactName.Format.CONFIG_YAML ? YAML : JSON).readTree(content);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new InvalidConfigException("the configuration document " + where + " is not valid "
                    + (format == ArtifactName.Format.CONFIG_YAML ? "YAML" : "JSON") + at + ": "
                    + RowReader.shorten(e.getOriginalMessage()) + ". Nothing was written; fix the file and plan again.");
        } catch (IOException e) {
            throw new InvalidConfigException("the configuration document " + where + " cannot be read: "
                    + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidConfigException("the configuration document " + where + " must be an object of keys to"
                    + " JSON values, for example {\"checkout.newFlow\": true}. Nothing was written.");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().isBlank() || e.getKey().length() > 500) {
                throw new InvalidConfigException("the configuration document " + where + " has a key that is blank or"
                        + " longer than 500 characters. Nothing was written.");
            }
            entries.put(e.getKey(), e.getValue().toString());
        }
        return entries;
    }
}
