package io.drm.audit;

import io.drm.audit.internal.EntryCodec;
import io.drm.audit.internal.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Shared JSON helpers of the proof records. */
final class ProofJson {

    private ProofJson() {
    }

    static String encode(Map<String, Object> fields) {
        return new String(new CanonicalJson().encode(fields), StandardCharsets.UTF_8);
    }

    static Map<String, Object> parse(String json, String type) {
        Map<String, Object> map;
        try {
            map = CanonicalJson.parseObject(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a " + type + ": not a JSON object");
        }
        if (!type.equals(map.get("type"))) {
            throw new IllegalArgumentException("not a " + type + ": its type is " + map.get("type"));
        }
        return map;
    }

    static List<String> hex(List<byte[]> hashes) {
        List<String> out = new ArrayList<>(hashes.size());
        for (byte[] h : hashes) {
            out.add(java.util.HexFormat.of().formatHex(h));
        }
        return out;
    }

    static List<byte[]> bytes(Object value, String what) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(what + " is not a list of hashes");
        }
        List<byte[]> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof String s) || !EntryCodec.isSha256(s)) {
                throw new IllegalArgumentException(what + " holds something other than a SHA-256 in hex");
            }
            out.add(java.util.HexFormat.of().parseHex(s));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Checkpoint checkpoint(Object value, String what) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(what + " is not a checkpoint");
        }
        return Checkpoint.fromFields((Map<String, Object>) map);
    }
}
