package io.drm.audit.internal;

import io.drm.spi.AuditEvent;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one encoder of an event's Elastic Common Schema document, written straight to canonical
 * JSON: the keys below are in canonical (UTF-16 code unit) order, and the labels come from a
 * naturally sorted map. The stored entries ({@link EntryCodec}) are this document with drm's chain
 * fields {@code drm.prev} and {@code drm.seq}; {@link io.drm.audit.EcsFormat} writes it without:
 *
 * <pre>{@code
 * {"@timestamp":"...","drm":{"prev":"...","seq":7,"target":"..."},"ecs":{"version":"8.11.0"},
 *  "event":{"action":"release.started","category":["database"],"id":"...","kind":"event",
 *           "outcome":"unknown","type":["change"]},
 *  "labels":{...details...},"service":{"environment":"prod"},"user":{"name":"ci"}}
 * }</pre>
 *
 * <p>Not thread-safe: one per writer thread.
 */
public final class EcsDocument {

    /** The ECS version the documents follow. */
    public static final String ECS_VERSION = "8.11.0";

    private final CanonicalJson json;
    private long cachedSecond = Long.MIN_VALUE;
    private String cachedSecondText;

    /** @param json the writer to encode with; reset by every call */
    public EcsDocument(CanonicalJson json) {
        this.json = json;
    }

    /**
     * @param e the event
     * @return its document as canonical JSON, with {@code drm.target} as the only drm field
     */
    public byte[] encode(AuditEvent e) {
        return write(e, null, 0);
    }

    /**
     * @param e the event
     * @param prev the previous entry's hash (32 bytes)
     * @param seq the entry's sequence number
     * @return its document as canonical JSON with the chain fields {@code drm.prev} and {@code drm.seq}
     */
    public byte[] encode(AuditEvent e, byte[] prev, long seq) {
        return write(e, prev, seq);
    }

    private byte[] write(AuditEvent e, byte[] prev, long seq) {
        CanonicalJson w = json;
        w.reset();
        w.raw("{\"@timestamp\":\"");
        w.raw(timestamp(e.time()));
        w.raw("\",\"drm\":{");
        if (prev != null) {
            w.raw("\"prev\":\"");
            w.appendHex(prev);
            w.raw("\",\"seq\":");
            w.appendLong(seq);
            w.raw(",");
        }
        w.raw("\"target\":");
        w.appendString(e.target());
        w.raw("},\"ecs\":{\"version\":\"" + ECS_VERSION + "\"},\"event\":{\"action\":");
        w.appendString(e.action());
        w.raw(",\"category\":[\"database\"],\"id\":");
        w.appendString(e.id());
        w.raw(",\"kind\":\"event\",\"outcome\":\"");
        w.raw(e.outcome().name().toLowerCase(Locale.ROOT));
        w.raw("\",\"type\":[\"change\"]},\"labels\":{");
        boolean first = true;
        for (Map.Entry<String, String> d : naturalOrder(e.details()).entrySet()) {
            if (!first) {
                w.raw(",");
            }
            first = false;
            w.appendString(d.getKey());
            w.raw(":");
            w.appendString(d.getValue());
        }
        w.raw("},\"service\":{\"environment\":");
        w.appendString(e.environment());
        w.raw("},\"user\":{\"name\":");
        w.appendString(e.actor());
        w.raw("}}");
        return w.toBytes();
    }

    /** The details in natural (UTF-16 code unit) key order, as canonical JSON sorts them. */
    private static SortedMap<String, String> naturalOrder(SortedMap<String, String> details) {
        if (details.comparator() == null) {
            return details;
        }
        SortedMap<String, String> natural = new TreeMap<>();
        natural.putAll(details);
        return natural;
    }

    /**
     * Formats an instant exactly as {@link Instant#toString()} does, formatting each second only
     * once: events come in bursts within the same second.
     *
     * @param time the instant
     * @return its ISO-8601 text
     */
    String timestamp(Instant time) {
        long second = time.getEpochSecond();
        if (second != cachedSecond) {
            String whole = Instant.ofEpochSecond(second).toString(); // "...:ssZ"
            cachedSecondText = whole.substring(0, whole.length() - 1);
            cachedSecond = second;
        }
        int nano = time.getNano();
        if (nano == 0) {
            return cachedSecondText + "Z";
        }
        StringBuilder out = new StringBuilder(cachedSecondText.length() + 11).append(cachedSecondText).append('.');
        if (nano % 1_000_000 == 0) {
            pad(out, nano / 1_000_000, 3);
        } else if (nano % 1_000 == 0) {
            pad(out, nano / 1_000, 6);
        } else {
            pad(out, nano, 9);
        }
        return out.append('Z').toString();
    }

    private static void pad(StringBuilder out, int value, int digits) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < digits; i++) {
            out.append('0');
        }
        out.append(text);
    }
}
