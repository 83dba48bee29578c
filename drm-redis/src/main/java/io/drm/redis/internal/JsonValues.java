package io.drm.redis.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drm.InvalidConfigException;
import io.drm.spi.ConfigDocument;
import java.io.IOException;

/** Checks that every value of a document is one JSON value, before anything is written. */
public final class JsonValues {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonValues() {
    }

    /**
     * Checks a document's values.
     *
     * @param document the document
     * @throws InvalidConfigException ({@code DRM-DATA-007}) naming the key and version, never the value
     */
    public static void check(ConfigDocument document) {
        document.entries().forEach((key, value) -> {
            try {
                JsonNode node = JSON.readTree(value);
                if (node == null || node.isMissingNode()) {
                    throw new IOException("empty");
                }
            } catch (IOException e) {
                throw new InvalidConfigException("the value of key '" + key + "' in configuration version "
                        + document.version() + " (" + document.name() + ") is not valid JSON. Nothing was written;"
                        + " give a JSON value such as true, 42, \"text\" or {\"a\": 1}.", e);
            }
        });
    }
}
