package io.drm.internal.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.drm.internal.DatabaseKind;
import io.drm.internal.Hashing;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * A schema snapshot: the canonical JSON (keys sorted at every level, no whitespace) and its SHA-256.
 *
 * @param json the canonical JSON
 * @param sha256 64 lower-case hex digits of the JSON's UTF-8 bytes
 */
public record SchemaSnapshot(String json, String sha256) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /**
     * Takes a snapshot of the connection's current schema.
     *
     * @param c the connection
     * @param kind its kind
     * @return the snapshot
     * @throws SQLException if the database fails
     */
    public static SchemaSnapshot take(Connection c, DatabaseKind kind) throws SQLException {
        return of(SchemaReader.read(c, kind));
    }

    /**
     * Makes a snapshot of a tree.
     *
     * @param tree sorted maps, lists and scalars
     * @return the snapshot
     */
    public static SchemaSnapshot of(Map<String, Object> tree) {
        try {
            String json = MAPPER.writeValueAsString(tree);
            return new SchemaSnapshot(json, Hashing.sha256Hex(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a schema tree did not serialise", e);
        }
    }

    /**
     * Reads the tree back.
     *
     * @return sorted maps, lists and scalars
     */
    public Map<String, Object> tree() {
        try {
            return MAPPER.readValue(json, new TypeReference<TreeMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a recorded schema snapshot is not JSON", e);
        }
    }

    /**
     * Writes any value as compact JSON with sorted keys.
     *
     * @param value the value
     * @return the JSON, or {@code null} for {@code null}
     */
    static String compact(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return value instanceof String s ? s : MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
