package io.drm.audit;

import io.drm.spi.AuditEvent;
import java.util.Objects;

/**
 * One stored entry of a tamper-evident audit log: an event with its place in the hash chain.
 *
 * <p>Entries are numbered from 1 without gaps; entry {@code seq} is leaf {@code seq - 1} of the
 * log's RFC 6962 Merkle tree. {@code hash} is SHA-256 over the entry's canonical JSON (without the
 * hash itself) followed by the 32 bytes of {@code prevHash}; the first entry's {@code prevHash} is
 * 64 zeros.
 *
 * @param seq sequence number, from 1
 * @param event the event
 * @param prevHash lower-case hex SHA-256 of the previous entry
 * @param hash lower-case hex SHA-256 of this entry
 */
public record AuditEntry(long seq, AuditEvent event, String prevHash, String hash) {

    /** The {@code prevHash} of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** Validates. */
    public AuditEntry {
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1: " + seq);
        }
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
    }
}
