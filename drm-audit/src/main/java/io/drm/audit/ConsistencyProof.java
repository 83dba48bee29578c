package io.drm.audit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Proof that a later checkpoint's log extends an earlier one's unchanged (RFC 6962 §2.1.2): nothing
 * the earlier checkpoint covered was changed, removed or reordered. It verifies offline with only
 * the signer's public key.
 *
 * @param older the earlier checkpoint
 * @param newer the later checkpoint
 * @param path the consistency proof nodes
 */
public record ConsistencyProof(Checkpoint older, Checkpoint newer, List<byte[]> path) {

    /** The {@code type} field of the JSON form. */
    public static final String TYPE = "drm.audit.consistency-proof/v1";

    /** Validates and copies. */
    public ConsistencyProof {
        Objects.requireNonNull(older, "older");
        Objects.requireNonNull(newer, "newer");
        path = path.stream().map(byte[]::clone).toList();
    }

    /** @return copies of the proof's hashes */
    @Override
    public List<byte[]> path() {
        return path.stream().map(byte[]::clone).toList();
    }

    /** Compares by value: the same checkpoints and path hashes. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ConsistencyProof p && older.equals(p.older) && newer.equals(p.newer)
                && ProofPaths.equal(path, p.path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(older, newer, ProofPaths.hash(path));
    }

    @Override
    public String toString() {
        return "ConsistencyProof[" + older.treeSize() + " -> " + newer.treeSize() + ", path=" + path.size() + " hashes]";
    }

    /**
     * Verifies both signatures and the proof.
     *
     * @param trusted the keys to trust
     * @return whether {@code newer} is proven to extend {@code older}
     */
    public boolean verify(TrustedKeys trusted) {
        return older.check(trusted) == Checkpoint.SignatureStatus.VALID
                && newer.check(trusted) == Checkpoint.SignatureStatus.VALID && holds();
    }

    /** @return whether the proof holds (signatures not checked) */
    boolean holds() {
        return Rfc6962.verifyConsistency(older.treeSize(), newer.treeSize(), older.root(), newer.root(), path);
    }

    /** @return the proof as JSON */
    public String toJson() {
        Map<String, Object> map = new TreeMap<>();
        map.put("type", TYPE);
        map.put("older", older.fields());
        map.put("newer", newer.fields());
        map.put("path", ProofJson.hex(path));
        return ProofJson.encode(map);
    }

    /**
     * @param json the output of {@link #toJson()}
     * @return the proof
     * @throws IllegalArgumentException if it is not a consistency proof
     */
    public static ConsistencyProof fromJson(String json) {
        Map<String, Object> map = ProofJson.parse(json, TYPE);
        return new ConsistencyProof(ProofJson.checkpoint(map.get("older"), "older"),
                ProofJson.checkpoint(map.get("newer"), "newer"), ProofJson.bytes(map.get("path"), "path"));
    }
}
