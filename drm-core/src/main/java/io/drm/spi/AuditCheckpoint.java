package io.drm.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A checkpoint of a tamper-evident audit log: the size of the log's Merkle tree and its root hash
 * at one moment, signed by the log's key when it has one.
 *
 * <p>The release engine asks its sink for a checkpoint at the end of each release (see
 * {@link AuditSink#checkpoint()}) and puts the tree size, root hash and key id into the
 * {@code release.completed} event, so the release's own record names the state of the log it
 * ended on.
 *
 * @param treeSize number of entries the checkpoint covers
 * @param rootHash lower-case hex of the RFC 6962 Merkle root over those entries
 * @param time when the checkpoint was taken
 * @param keyId id of the signing key, or {@code null} when the checkpoint is not signed
 */
public record AuditCheckpoint(long treeSize, String rootHash, Instant time, String keyId) {

    /** Validates. */
    public AuditCheckpoint {
        if (treeSize < 0) {
            throw new IllegalArgumentException("treeSize must not be negative: " + treeSize);
        }
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(time, "time");
    }

    /** @return whether a key signed this checkpoint */
    public boolean signed() {
        return keyId != null;
    }
}
