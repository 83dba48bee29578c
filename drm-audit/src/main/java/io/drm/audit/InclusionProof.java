package io.drm.audit;

import io.drm.audit.internal.EntryCodec;
import io.drm.audit.internal.MalformedEntryException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Proof that one entry is in the log a signed checkpoint covers: the entry itself, its RFC 6962
 * audit path, and the checkpoint. It verifies offline with only the signer's public key:
 *
 * <pre>{@code
 * InclusionProof proof = InclusionProof.fromJson(Files.readString(Path.of("proof.json")));
 * boolean ok = proof.verify(TrustedKeys.of(AuditPublicKey.fromPemFile(Path.of("audit-key.pub.pem"))));
 * AuditEntry entry = proof.entry();
 * }</pre>
 *
 * @param seq the entry's sequence number (leaf {@code seq - 1})
 * @param canonicalEntry the entry's canonical JSON (the Merkle leaf)
 * @param path the audit path, leaf to root
 * @param checkpoint the signed checkpoint
 */
public record InclusionProof(long seq, byte[] canonicalEntry, List<byte[]> path, Checkpoint checkpoint) {

    /** The {@code type} field of the JSON form. */
    public static final String TYPE = "drm.audit.inclusion-proof/v1";

    /** Validates and copies. */
    public InclusionProof {
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1: " + seq);
        }
        canonicalEntry = Objects.requireNonNull(canonicalEntry, "canonicalEntry").clone();
        path = path.stream().map(byte[]::clone).toList();
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    @Override
    public byte[] canonicalEntry() {
        return canonicalEntry.clone();
    }

    /** @return copies of the sibling hashes from the leaf up */
    @Override
    public List<byte[]> path() {
        return path.stream().map(byte[]::clone).toList();
    }

    /** Compares by value: the same entry bytes, path hashes and checkpoint. */
    @Override
    public boolean equals(Object o) {
        return o instanceof InclusionProof p && seq == p.seq && java.util.Arrays.equals(canonicalEntry, p.canonicalEntry)
                && ProofPaths.equal(path, p.path) && checkpoint.equals(p.checkpoint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seq, java.util.Arrays.hashCode(canonicalEntry), ProofPaths.hash(path), checkpoint);
    }

    @Override
    public String toString() {
        return "InclusionProof[seq=" + seq + ", path=" + path.size() + " hashes, checkpoint=" + checkpoint.treeSize()
                + "]";
    }

    /**
     * Verifies the signature of the checkpoint and the path from the entry to its root.
     *
     * @param trusted the keys to trust
     * @return whether the entry is proven to be in the log
     */
    public boolean verify(TrustedKeys trusted) {
        return checkpoint.check(trusted) == Checkpoint.SignatureStatus.VALID && holds();
    }

    /** @return whether the path leads from the entry to the checkpoint's root (signature not checked) */
    boolean holds() {
        EntryCodec.Parsed parsed = parsed();
        return parsed != null && parsed.seq() == seq && parsed.selfConsistent()
                && Rfc6962.verifyInclusion(Rfc6962.leafHash(canonicalEntry), seq - 1, checkpoint.treeSize(), path,
                        checkpoint.root());
    }

    /**
     * @return the entry the proof is about
     * @throws IllegalStateException if the entry in the proof is not a well-formed entry
     */
    public AuditEntry entry() {
        EntryCodec.Parsed parsed = parsed();
        if (parsed == null) {
            throw new IllegalStateException("the proof's entry is not a well-formed audit entry");
        }
        return parsed.entry();
    }

    private EntryCodec.Parsed parsed() {
        try {
            return new EntryCodec().parse(canonicalEntry);
        } catch (MalformedEntryException e) {
            return null;
        }
    }

    /** @return the proof as JSON */
    public String toJson() {
        Map<String, Object> map = new TreeMap<>();
        map.put("type", TYPE);
        map.put("seq", seq);
        map.put("entry", new String(canonicalEntry, StandardCharsets.UTF_8));
        map.put("path", ProofJson.hex(path));
        map.put("checkpoint", checkpoint.fields());
        return ProofJson.encode(map);
    }

    /**
     * @param json the output of {@link #toJson()}
     * @return the proof
     * @throws IllegalArgumentException if it is not an inclusion proof
     */
    public static InclusionProof fromJson(String json) {
        Map<String, Object> map = ProofJson.parse(json, TYPE);
        if (!(map.get("seq") instanceof Long seq) || !(map.get("entry") instanceof String entry)) {
            throw new IllegalArgumentException("not an inclusion proof: seq or entry missing");
        }
        return new InclusionProof(seq, entry.getBytes(StandardCharsets.UTF_8), ProofJson.bytes(map.get("path"), "path"),
                ProofJson.checkpoint(map.get("checkpoint"), "checkpoint"));
    }
}
