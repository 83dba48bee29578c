package io.drm.audit;

import io.drm.audit.internal.EntryCodec;
import io.drm.audit.internal.CanonicalJson;
import io.drm.spi.AuditCheckpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A signed statement of an audit log's state: its RFC 6962 Merkle tree had {@code treeSize}
 * entries and root {@code rootHash} at {@code time}. Whoever keeps a checkpoint can later prove
 * that the log still holds those entries unchanged (a consistency proof) and that an event is one of
 * them (an inclusion proof), with nothing but the signer's public key.
 *
 * <p>The signature is Ed25519 over the canonical JSON of
 * {@code {"keyId":..,"rootHash":..,"time":..,"treeSize":..,"type":"drm.audit.checkpoint/v1"}}.
 * An unsigned checkpoint has {@code keyId} and {@code signature} null.
 *
 * @param treeSize number of entries covered
 * @param rootHash lower-case hex Merkle root over them
 * @param time when it was taken
 * @param keyId id of the signing key, or null
 * @param signature Base64 Ed25519 signature, or null
 */
public record Checkpoint(long treeSize, String rootHash, Instant time, String keyId, String signature) {

    /** The {@code type} field of the signed statement. */
    public static final String TYPE = "drm.audit.checkpoint/v1";

    /** What checking a checkpoint's signature found. */
    public enum SignatureStatus {
        /** Signed by a trusted key and the signature holds. */
        VALID,
        /** Signed by a key that is not among the trusted keys. */
        UNKNOWN_KEY,
        /** Signed with a trusted key id, but the signature does not hold. */
        BAD_SIGNATURE,
        /** Not signed at all. */
        UNSIGNED
    }

    /** Validates. */
    public Checkpoint {
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must not be negative: " + treeSize);
        }
        if (!EntryCodec.isSha256(rootHash)) {
            throw new IllegalArgumentException("rootHash must be 64 lower-case hex digits");
        }
        Objects.requireNonNull(time, "time");
        if ((keyId == null) != (signature == null)) {
            throw new IllegalArgumentException("keyId and signature are both given or both absent");
        }
    }

    /**
     * Makes a checkpoint, signed when a key is given.
     *
     * @param treeSize entries covered
     * @param root Merkle root (32 bytes)
     * @param time when
     * @param key signing key, or null for an unsigned checkpoint
     * @return the checkpoint
     */
    public static Checkpoint create(long treeSize, byte[] root, Instant time, AuditSigningKey key) {
        String rootHex = java.util.HexFormat.of().formatHex(root);
        if (key == null) {
            return new Checkpoint(treeSize, rootHex, time, null, null);
        }
        byte[] statement = statement(treeSize, rootHex, time, key.keyId());
        return new Checkpoint(treeSize, rootHex, time, key.keyId(),
                Base64.getEncoder().encodeToString(key.sign(statement)));
    }

    /** @return the bytes the signature covers */
    public byte[] signedBytes() {
        return statement(treeSize, rootHash, time, keyId);
    }

    /** @return the root as bytes */
    public byte[] root() {
        return java.util.HexFormat.of().parseHex(rootHash);
    }

    /**
     * Checks the signature.
     *
     * @param trusted the keys to trust
     * @return what was found
     */
    public SignatureStatus check(TrustedKeys trusted) {
        if (keyId == null) {
            return SignatureStatus.UNSIGNED;
        }
        var key = trusted.find(keyId);
        if (key.isEmpty()) {
            return SignatureStatus.UNKNOWN_KEY;
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return SignatureStatus.BAD_SIGNATURE;
        }
        return key.get().verify(signedBytes(), sig) ? SignatureStatus.VALID : SignatureStatus.BAD_SIGNATURE;
    }

    /** @return the checkpoint as the engine's SPI sees it */
    public AuditCheckpoint toAuditCheckpoint() {
        return new AuditCheckpoint(treeSize, rootHash, time, keyId);
    }

    /** @return one line of canonical JSON */
    public String toJson() {
        return new String(new CanonicalJson().encode(fields()), StandardCharsets.UTF_8);
    }

    /**
     * Reads {@link #toJson()}'s output.
     *
     * @param json the JSON
     * @return the checkpoint
     * @throws IllegalArgumentException if it is not a checkpoint
     */
    public static Checkpoint fromJson(String json) {
        Map<String, Object> map;
        try {
            map = CanonicalJson.parseObject(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a checkpoint: not a JSON object");
        }
        return fromFields(map);
    }

    Map<String, Object> fields() {
        Map<String, Object> map = new TreeMap<>();
        map.put("type", TYPE);
        map.put("treeSize", treeSize);
        map.put("rootHash", rootHash);
        map.put("time", time.toString());
        if (keyId != null) {
            map.put("keyId", keyId);
            map.put("signature", signature);
        }
        return map;
    }

    static Checkpoint fromFields(Map<String, Object> map) {
        if (!TYPE.equals(map.get("type")) || !(map.get("treeSize") instanceof Long size)
                || !(map.get("rootHash") instanceof String root) || !(map.get("time") instanceof String time)) {
            throw new IllegalArgumentException("not a checkpoint: type, treeSize, rootHash or time missing");
        }
        Object keyId = map.get("keyId");
        Object signature = map.get("signature");
        if (keyId != null && !(keyId instanceof String) || signature != null && !(signature instanceof String)) {
            throw new IllegalArgumentException("not a checkpoint: keyId or signature is not a string");
        }
        try {
            return new Checkpoint(size, root, Instant.parse(time), (String) keyId, (String) signature);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a checkpoint: time is not an ISO-8601 instant");
        }
    }

    private static byte[] statement(long treeSize, String rootHash, Instant time, String keyId) {
        Map<String, Object> map = new TreeMap<>();
        map.put("type", TYPE);
        map.put("treeSize", treeSize);
        map.put("rootHash", rootHash);
        map.put("time", time.toString());
        map.put("keyId", keyId);
        return new CanonicalJson().encode(map);
    }
}
