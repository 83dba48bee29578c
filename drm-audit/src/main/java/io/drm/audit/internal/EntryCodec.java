package io.drm.audit.internal;

import io.drm.audit.AuditEntry;
import io.drm.spi.AuditEvent;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * Turns events into stored entries and back. An entry is the event's Elastic Common Schema
 * document ({@link EcsDocument}, the one encoder) with the chain fields, in canonical form:
 * {@code "drm":{"hash":"...","prev":"...","seq":7,"target":"..."}}.
 *
 * The entry hash is SHA-256 over the canonical JSON without {@code drm.hash}, followed by the 32
 * bytes of the previous hash. The Merkle leaf is the canonical JSON with the hash.
 *
 * <p>Not thread-safe: one codec per writer or reader thread.
 */
public final class EntryCodec {

    /** The ECS version the entries follow. */
    public static final String ECS_VERSION = EcsDocument.ECS_VERSION;

    private final CanonicalJson json = new CanonicalJson();
    private final EcsDocument ecs = new EcsDocument(json);
    private final MessageDigest sha256 = sha256();

    /** A sealed entry ready to store. */
    public record Sealed(long seq, byte[] prevHash, byte[] hash, byte[] canonical, byte[] leafHash) {
    }

    /** A stored entry read back. */
    public record Parsed(long seq, String prevHash, String storedHash, String computedHash, AuditEvent event,
            byte[] canonical, byte[] leafHash) {

        /** @return whether the stored hash is the hash of the content */
        public boolean selfConsistent() {
            return storedHash.equals(computedHash);
        }

        /** @return the entry */
        public AuditEntry entry() {
            return new AuditEntry(seq, event, prevHash, storedHash);
        }
    }

    /**
     * Seals an event as entry {@code seq} after {@code prevHash}.
     *
     * @param event the event
     * @param seq its sequence number
     * @param prevHash the previous entry's hash (32 bytes)
     * @return the entry
     */
    public Sealed seal(AuditEvent event, long seq, byte[] prevHash) {
        byte[] body = ecs.encode(event, prevHash, seq);
        sha256.update(body);
        sha256.update(prevHash);
        byte[] hash = sha256.digest();
        // "hash" sorts first among drm's keys, so the canonical entry is the body with
        // "hash":"<hex>", spliced in right after "drm":{ -- no second encoding needed. The
        // timestamp before it is at most 40 bytes.
        int at = indexOf(body, 0, Math.min(body.length, 200), DRM_OPEN);
        if (at < 0) {
            throw new IllegalStateException("an encoded entry has no drm object near its start");
        }
        int cut = at + DRM_OPEN.length;
        byte[] canonical = new byte[body.length + HASH_MEMBER_LENGTH];
        System.arraycopy(body, 0, canonical, 0, cut);
        int i = cut;
        System.arraycopy(HASH_KEY, 0, canonical, i, HASH_KEY.length);
        i += HASH_KEY.length;
        for (byte b : hash) {
            canonical[i++] = HEX_DIGITS[(b >> 4) & 0xf];
            canonical[i++] = HEX_DIGITS[b & 0xf];
        }
        canonical[i++] = '"';
        canonical[i++] = ',';
        System.arraycopy(body, cut, canonical, i, body.length - cut);
        return new Sealed(seq, prevHash, hash, canonical, leafHash(canonical));
    }

    /**
     * Reads a stored entry.
     *
     * @param stored its JSON (canonical or not)
     * @return what it holds and what its hash should be
     * @throws MalformedEntryException if it is not an entry drm wrote
     */
    public Parsed parse(byte[] stored) throws MalformedEntryException {
        return parse(stored, 0, stored.length);
    }

    /**
     * @param stored bytes holding the entry's JSON
     * @param offset start
     * @param length length
     * @return what it holds
     * @throws MalformedEntryException if it is not an entry drm wrote
     */
    public Parsed parse(byte[] stored, int offset, int length) throws MalformedEntryException {
        Map<String, Object> doc;
        try {
            doc = CanonicalJson.parseObject(stored, offset, length);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEntryException("not a well-formed JSON object");
        }
        try {
            Map<String, Object> drm = object(doc, "drm");
            Object seqValue = drm.get("seq");
            if (!(seqValue instanceof Long seq)) {
                throw new MalformedEntryException("drm.seq is missing or not an integer");
            }
            String stored1 = text(drm, "hash");
            String prev = text(drm, "prev");
            if (!isSha256(prev) || !isSha256(stored1)) {
                throw new MalformedEntryException("drm.prev or drm.hash is not a SHA-256 in lower-case hex");
            }
            Map<String, Object> event = object(doc, "event");
            Map<String, Object> labels = object(doc, "labels");
            TreeMap<String, String> details = new TreeMap<>();
            for (Map.Entry<String, Object> e : labels.entrySet()) {
                if (!(e.getValue() instanceof String s)) {
                    throw new MalformedEntryException("label " + e.getKey() + " is not a string");
                }
                details.put(e.getKey(), s);
            }
            AuditEvent parsedEvent = new AuditEvent(text(event, "id"), Instant.parse(text(doc, "@timestamp")),
                    text(object(doc, "user"), "name"), text(event, "action"),
                    text(object(doc, "service"), "environment"), text(drm, "target"),
                    outcome(text(event, "outcome")), details);
            drm.remove("hash");
            byte[] body = json.encode(doc);
            sha256.update(body);
            sha256.update(HexFormat.of().parseHex(prev));
            String computed = HexFormat.of().formatHex(sha256.digest());
            drm.put("hash", stored1);
            byte[] canonical = json.encode(doc);
            if (seq < 1) {
                throw new MalformedEntryException("drm.seq is not positive");
            }
            return new Parsed(seq, prev, stored1, computed, parsedEvent, canonical, leafHash(canonical));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new MalformedEntryException("a field has a value drm never writes");
        }
    }

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DRM_OPEN = "\"drm\":{".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] HASH_KEY = "\"hash\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int HASH_MEMBER_LENGTH = HASH_KEY.length + 64 + 2;
    private static final byte[] DRM_HASH = "\"drm\":{\"hash\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] PREV = "\",\"prev\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] SEQ = "\",\"seq\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Checks an entry stored exactly as drm writes it (canonical JSON) without parsing it: the hash
     * is taken over the stored bytes with the {@code "hash":"...",} member cut out. Returns null when
     * the bytes are not in that form or the hash does not hold, so the caller falls back to
     * {@link #parse}, which canonicalises first and tells what is wrong.
     *
     * @param b buffer
     * @param off start of the entry
     * @param len its length
     * @return the entry's chain fields, or null
     */
    public Parsed quickCheck(byte[] b, int off, int len) {
        int at = indexOf(b, off, Math.min(off + len, off + 200), DRM_HASH);
        if (at < 0) {
            return null;
        }
        int hashStart = at + DRM_HASH.length;
        int prevKey = hashStart + 64;
        int prevStart = prevKey + PREV.length;
        int seqKey = prevStart + 64;
        int seqStart = seqKey + SEQ.length;
        if (seqStart + 1 >= off + len || !regionEquals(b, prevKey, PREV) || !regionEquals(b, seqKey, SEQ)) {
            return null;
        }
        long seq = 0;
        int i = seqStart;
        while (i < off + len && b[i] >= '0' && b[i] <= '9' && i - seqStart < 18) {
            seq = seq * 10 + (b[i] - '0');
            i++;
        }
        if (i == seqStart || b[seqStart] == '0' || i >= off + len || b[i] != ',') {
            return null;
        }
        byte[] storedBytes = decodeSha256(b, hashStart);
        byte[] prevBytes = decodeSha256(b, prevStart);
        if (storedBytes == null || prevBytes == null) {
            return null;
        }
        // body = bytes before "hash", then from "prev" on (dropping "hash":"<64>",)
        int cut = at + DRM_HASH.length - "\"hash\":\"".length();
        sha256.update(b, off, cut - off);
        sha256.update(b, prevKey + 2, off + len - (prevKey + 2));
        sha256.update(prevBytes);
        if (!MessageDigest.isEqual(sha256.digest(), storedBytes)) {
            return null;
        }
        sha256.update((byte) 0);
        sha256.update(b, off, len);
        String stored1 = new String(b, hashStart, 64, java.nio.charset.StandardCharsets.ISO_8859_1);
        String prev = new String(b, prevStart, 64, java.nio.charset.StandardCharsets.ISO_8859_1);
        return new Parsed(seq, prev, stored1, stored1, null, null, sha256.digest());
    }

    private static int indexOf(byte[] b, int from, int to, byte[] what) {
        outer:
        for (int i = from; i + what.length <= to; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean regionEquals(byte[] b, int at, byte[] what) {
        if (at + what.length > b.length) {
            return false;
        }
        for (int j = 0; j < what.length; j++) {
            if (b[at + j] != what[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param canonical an entry's canonical JSON
     * @return its RFC 6962 leaf hash
     */
    public byte[] leafHash(byte[] canonical) {
        sha256.update((byte) 0);
        sha256.update(canonical);
        return sha256.digest();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> parent, String key) throws MalformedEntryException {
        Object value = parent.get(key);
        if (!(value instanceof Map<?, ?>)) {
            throw new MalformedEntryException(key + " is missing or not an object");
        }
        return (Map<String, Object>) value;
    }

    private static String text(Map<String, Object> parent, String key) throws MalformedEntryException {
        Object value = parent.get(key);
        if (!(value instanceof String s)) {
            throw new MalformedEntryException(key + " is missing or not a string");
        }
        return s;
    }

    private static AuditEvent.Outcome outcome(String value) throws MalformedEntryException {
        return switch (value) {
            case "success" -> AuditEvent.Outcome.SUCCESS;
            case "failure" -> AuditEvent.Outcome.FAILURE;
            case "unknown" -> AuditEvent.Outcome.UNKNOWN;
            default -> throw new MalformedEntryException("event.outcome is not success, failure or unknown");
        };
    }

    /**
     * Decodes 64 lower-case hex digits stored as bytes (the JDK's HexFormat reads characters, not
     * bytes of a line).
     *
     * @return the 32 bytes, or null if the 64 bytes there are not lower-case hex digits
     */
    static byte[] decodeSha256(byte[] b, int off) {
        if (off < 0 || off + 64 > b.length) {
            return null;
        }
        byte[] out = new byte[32];
        for (int i = 0; i < 64; i++) {
            int c = b[off + i];
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return null;
            }
            out[i / 2] |= (byte) (HexFormat.fromHexDigit(c) << (i % 2 == 0 ? 4 : 0));
        }
        return out;
    }

    /** @return whether {@code hex} is a lower-case hex SHA-256 (64 digits) */
    public static boolean isSha256(String hex) {
        if (hex == null || hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
