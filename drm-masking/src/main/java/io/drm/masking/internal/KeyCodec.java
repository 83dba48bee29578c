package io.drm.masking.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.drm.masking.internal.SchemaReader.ColumnInfo;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes a primary key's values as a JSON array (numbers as numbers, everything else as text,
 * binary as base64) for {@code drm_masking_progress.last_key}, and reads them back as the types
 * {@link ColumnValues} reads, so a resumed job binds the same values it would have bound.
 */
public final class KeyCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyCodec() {
    }

    /**
     * @param values the key's values in key order
     * @return the JSON text
     */
    public static String encode(Object[] values) {
        ArrayNode array = JSON.createArrayNode();
        for (Object v : values) {
            if (v == null) {
                array.addNull();
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                array.add(((Number) v).longValue());
            } else if (v instanceof BigDecimal) {
                array.add((BigDecimal) v);
            } else if (v instanceof BigInteger) {
                array.add((BigInteger) v);
            } else if (v instanceof Double || v instanceof Float) {
                array.add(((Number) v).doubleValue());
            } else if (v instanceof Boolean) {
                array.add((Boolean) v);
            } else if (v instanceof byte[]) {
                array.add(Base64.getEncoder().encodeToString((byte[]) v));
            } else {
                array.add(v.toString());
            }
        }
        return array.toString();
    }

    /**
     * @param json text written by {@link #encode}
     * @param key the key columns it was written for
     * @return the values, typed for binding
     * @throws IllegalArgumentException if the text does not fit the key
     */
    public static Object[] decode(String json, List<ColumnInfo> key) {
        JsonNode array;
        try {
            array = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the stored last key is not JSON", e);
        }
        if (!array.isArray() || array.size() != key.size()) {
            throw new IllegalArgumentException("the stored last key has " + array.size() + " values, the primary key "
                    + key.size() + " columns");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            out.add(decode(array.get(i), key.get(i)));
        }
        return out.toArray();
    }

    private static Object decode(JsonNode node, ColumnInfo column) {
        if (node.isNull()) {
            return null;
        }
        String typeName = column.typeName() == null ? "" : column.typeName().toLowerCase(Locale.ROOT);
        if (ColumnValues.isUuid(column)) {
            return UUID.fromString(node.asText());
        }
        switch (column.type()) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return node.canConvertToLong() ? (Object) node.asLong() : node.bigIntegerValue();
            case NUMERIC:
            case DECIMAL:
                return node.decimalValue();
            case REAL:
            case FLOAT:
            case DOUBLE:
                return node.doubleValue();
            case BIT:
            case BOOLEAN:
                return node.asBoolean();
            case DATE:
                return LocalDate.parse(node.asText());
            case TIME:
                return typeName.startsWith("timetz") || typeName.contains("with time zone")
                        ? OffsetTime.parse(node.asText()) : LocalTime.parse(node.asText());
            case TIME_WITH_TIMEZONE:
                return OffsetTime.parse(node.asText());
            case TIMESTAMP:
                return typeName.startsWith("timestamptz") || typeName.contains("with time zone")
                        ? OffsetDateTime.parse(node.asText()) : LocalDateTime.parse(node.asText());
            case TIMESTAMP_WITH_TIMEZONE:
                return OffsetDateTime.parse(node.asText());
            case BINARY:
            case VARBINARY:
            case LONGVARBINARY:
            case BLOB:
                return Base64.getDecoder().decode(node.asText());
            default:
                if (node.isIntegralNumber()) {
                    return node.canConvertToLong() ? (Object) node.asLong() : node.bigIntegerValue();
                }
                if (node.isNumber()) {
                    return node.decimalValue();
                }
                return node.asText();
        }
    }
}
