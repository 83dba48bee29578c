package io.drm.audit.internal;

import io.drm.spi.AuditEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The head of a log: the last sequence number and hash, and the Merkle frontier over all entries.
 * Not thread-safe: the sink that owns it serialises appends.
 */
public final class ChainState {

    private long seq;
    private byte[] lastHash;
    private final MerkleFrontier frontier;

    private ChainState(long seq, byte[] lastHash, MerkleFrontier frontier) {
        this.seq = seq;
        this.lastHash = lastHash;
        this.frontier = frontier;
    }

    /** @return the state of an empty log */
    public static ChainState empty() {
        return new ChainState(0, new byte[32], new MerkleFrontier());
    }

    /**
     * @param seq last sequence number
     * @param lastHash last entry hash
     * @param frontier frontier over entries 1..seq
     * @return the state
     * @throws IllegalArgumentException if the frontier's size is not {@code seq}
     */
    public static ChainState of(long seq, byte[] lastHash, MerkleFrontier frontier) {
        if (frontier.size() != seq) {
            throw new IllegalArgumentException("frontier covers " + frontier.size() + " entries, not " + seq);
        }
        return new ChainState(seq, lastHash.clone(), frontier);
    }

    /**
     * Seals the next entry; the state moves on only when the caller calls {@link #advance}.
     *
     * @param codec the codec
     * @param event the event
     * @return the sealed entry
     */
    public EntryCodec.Sealed seal(EntryCodec codec, AuditEvent event) {
        return codec.seal(event, seq + 1, lastHash);
    }

    /**
     * Takes a stored entry as the new head.
     *
     * @param seqOfEntry its sequence number, which must be the next one
     * @param hash its hash
     * @param leafHash its leaf hash
     */
    public void advance(long seqOfEntry, byte[] hash, byte[] leafHash) {
        if (seqOfEntry != seq + 1) {
            throw new IllegalStateException("entry " + seqOfEntry + " does not follow " + seq);
        }
        seq = seqOfEntry;
        lastHash = hash;
        frontier.add(leafHash);
    }

    /** @param sealed the entry just stored */
    public void advance(EntryCodec.Sealed sealed) {
        advance(sealed.seq(), sealed.hash(), sealed.leafHash());
    }

    /** @return the last sequence number (0 when empty) */
    public long seq() {
        return seq;
    }

    /** @return the last hash (32 zero bytes when empty) */
    public byte[] lastHash() {
        return lastHash.clone();
    }

    /** @return the Merkle root over all entries */
    public byte[] root() {
        return frontier.root();
    }

    /** @return an independent copy */
    public ChainState copy() {
        return new ChainState(seq, lastHash.clone(), frontier.copy());
    }

    /** @return the state as text: seq, last hash and frontier nodes, separated by spaces */
    public String encode() {
        StringBuilder out = new StringBuilder().append(seq).append(' ').append(java.util.HexFormat.of().formatHex(lastHash));
        for (byte[] node : frontier.nodes()) {
            out.append(' ').append(java.util.HexFormat.of().formatHex(node));
        }
        return out.toString();
    }

    /**
     * @param text the output of {@link #encode()}
     * @return the state
     * @throws IllegalArgumentException if it is not such output
     */
    public static ChainState decode(String text) {
        String[] parts = text.trim().split(" ");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a chain state");
        }
        long seq = Long.parseLong(parts[0]);
        List<byte[]> nodes = new ArrayList<>();
        for (int i = 2; i < parts.length; i++) {
            nodes.add(java.util.HexFormat.of().parseHex(parts[i]));
        }
        return of(seq, java.util.HexFormat.of().parseHex(parts[1]), MerkleFrontier.restore(seq, nodes));
    }

    @Override
    public String toString() {
        return "ChainState[seq=" + seq + ", last=" + java.util.HexFormat.of().formatHex(lastHash).substring(0, 12) + "]";
    }

    /**
     * @param other another state
     * @return whether both are at the same head
     */
    public boolean sameHead(ChainState other) {
        return seq == other.seq && Arrays.equals(lastHash, other.lastHash);
    }
}
