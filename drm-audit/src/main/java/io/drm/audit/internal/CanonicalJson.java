package io.drm.audit.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Canonical JSON in the manner of RFC 8785 (JCS) for the values an audit entry holds: objects with
 * string keys sorted by UTF-16 code units, arrays, strings, integers, booleans and null; no
 * insignificant whitespace; strings escaped minimally ({@code \"}, {@code \\}, the short forms of
 * control characters, {@code \}{@code u00xx} for the others) and written as UTF-8.
 *
 * <p>Instances are not thread-safe (they reuse a buffer); make one per thread or per writer.
 */
public final class CanonicalJson {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buf = new byte[1024];
    private int len;

    /**
     * Encodes a value.
     *
     * @param value a map (keys are sorted here), list, string, integral number, boolean or null
     * @return its canonical UTF-8 bytes
     * @throws IllegalArgumentException for a value of another type or a string with a lone surrogate
     */
    public byte[] encode(Object value) {
        len = 0;
        write(value);
        return Arrays.copyOf(buf, len);
    }

    /**
     * Parses JSON strictly (duplicate keys and trailing content are errors).
     *
     * @param json UTF-8 JSON text of an object
     * @return the object as nested maps, lists, strings, longs, big decimals, booleans and nulls
     * @throws IOException if it is not one well-formed JSON object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(byte[] json) throws IOException {
        return STRICT.readValue(json, Map.class);
    }

    /**
     * @param json UTF-8 JSON text of an object
     * @param offset start
     * @param length length
     * @return the object
     * @throws IOException if it is not one well-formed JSON object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(byte[] json, int offset, int length) throws IOException {
        try (JsonParser parser = STRICT.createParser(json, offset, length)) {
            return STRICT.readValue(parser, Map.class);
        }
    }

    // --- Streaming use, for writers that know their keys' canonical order (EntryCodec) ---

    /** Starts a new document in the streaming API. */
    public void reset() {
        len = 0;
    }

    /**
     * Appends ASCII text as it is (punctuation and keys that need no escaping).
     *
     * @param ascii the text, every character below 0x80 and needing no JSON escape
     */
    public void raw(String ascii) {
        ascii(ascii);
    }

    /**
     * Appends a JSON string in canonical form.
     *
     * @param s the string
     * @throws IllegalArgumentException if it holds a lone surrogate
     */
    public void appendString(String s) {
        string(s);
    }

    /** @param n an integer to append */
    public void appendLong(long n) {
        ascii(Long.toString(n));
    }

    /** @return the bytes written since {@link #reset()} */
    public byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }

    private void write(Object value) {
        if (value == null) {
            ascii("null");
        } else if (value instanceof String s) {
            string(s);
        } else if (value instanceof Map<?, ?> map) {
            object(map);
        } else if (value instanceof List<?> list) {
            byte1('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    byte1(',');
                }
                write(list.get(i));
            }
            byte1(']');
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof BigInteger) {
            ascii(value.toString());
        } else if (value instanceof BigDecimal d) {
            ascii(d.stripTrailingZeros().toString());
        } else if (value instanceof Boolean b) {
            ascii(b ? "true" : "false");
        } else {
            throw new IllegalArgumentException("cannot encode a " + value.getClass().getSimpleName() + " as JSON");
        }
    }

    private void object(Map<?, ?> map) {
        Object[] keys = map.keySet().toArray();
        for (Object key : keys) {
            if (!(key instanceof String)) {
                throw new IllegalArgumentException("JSON object keys must be strings");
            }
        }
        if (!(map instanceof java.util.SortedMap<?, ?> sorted && sorted.comparator() == null)) {
            Arrays.sort(keys);
        }
        byte1('{');
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                byte1(',');
            }
            string((String) keys[i]);
            byte1(':');
            write(map.get(keys[i]));
        }
        byte1('}');
    }

    private void string(String s) {
        int n = s.length();
        ensure(n * 3 + 2);
        buf[len++] = '"';
        int i = 0;
        if (n <= 256) {
            // fast path: an all-ASCII string (its UTF-8 is as long as it) with nothing to escape is
            // copied in bulk; getBytes of such a string is an array copy
            byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (utf8.length == n) {
                boolean plain = true;
                for (byte b : utf8) {
                    if (b < 0x20 || b == '"' || b == '\\') {
                        plain = false;
                        break;
                    }
                }
                if (plain) {
                    System.arraycopy(utf8, 0, buf, len, n);
                    len += n;
                    buf[len++] = '"';
                    return;
                }
            }
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == '"' || c == '\\') {
                    escape(c);
                } else if (c < 0x20) {
                    control(c);
                } else {
                    buf[len++] = (byte) c;
                }
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xc0 | c >> 6);
                buf[len++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= s.length()
                        || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new IllegalArgumentException("string holds a lone surrogate at index " + i);
                }
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xf0 | cp >> 18);
                buf[len++] = (byte) (0x80 | cp >> 12 & 0x3f);
                buf[len++] = (byte) (0x80 | cp >> 6 & 0x3f);
                buf[len++] = (byte) (0x80 | cp & 0x3f);
            } else {
                buf[len++] = (byte) (0xe0 | c >> 12);
                buf[len++] = (byte) (0x80 | c >> 6 & 0x3f);
                buf[len++] = (byte) (0x80 | c & 0x3f);
            }
        }
        buf[len++] = '"';
    }

    private void escape(char c) {
        ensure(2);
        buf[len++] = '\\';
        buf[len++] = (byte) c;
    }

    private void control(char c) {
        switch (c) {
            case '\b' -> escape('b');
            case '\f' -> escape('f');
            case '\n' -> escape('n');
            case '\r' -> escape('r');
            case '\t' -> escape('t');
            default -> {
                ensure(6);
                buf[len++] = '\\';
                buf[len++] = 'u';
                buf[len++] = '0';
                buf[len++] = '0';
                buf[len++] = HEX[c >> 4];
                buf[len++] = HEX[c & 0xf];
            }
        }
    }

    @SuppressWarnings("deprecation") // the low-byte copy is exactly right for ASCII text
    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, buf, len);
        len += n;
    }

    /**
     * Appends bytes as lower-case hex digits (no quotes).
     *
     * @param bytes the bytes
     */
    public void appendHex(byte[] bytes) {
        ensure(bytes.length * 2);
        for (byte b : bytes) {
            buf[len++] = HEX[(b >> 4) & 0xf];
            buf[len++] = HEX[b & 0xf];
        }
    }

    private void byte1(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
