package io.drm.audit.internal;

import io.drm.audit.Rfc6962;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An index of a stored log for fast Merkle proofs: the roots of every complete 256-entry chunk and
 * of every complete subtree above them, plus where each chunk starts in the store. Memory is about
 * 64 bytes per 256 entries; a proof reads at most two chunks of entries from the store.
 */
public final class MerkleIndex {

    private static final int CHUNK_BITS = 8;
    private static final int CHUNK = 1 << CHUNK_BITS;

    private final LogStore store;
    private final long size;
    /** levels.get(j) holds roots of complete aligned subtrees of 2^(8+j) leaves. */
    private final List<List<byte[]>> levels;
    private final long[] chunkHints;
    private final List<byte[]> tail;
    private long cachedChunk = -1;
    private List<byte[]> cachedCanonical;
    private List<byte[]> cachedLeaves;

    private MerkleIndex(LogStore store, long size, List<List<byte[]>> levels, long[] chunkHints, List<byte[]> tail) {
        this.store = store;
        this.size = size;
        this.levels = levels;
        this.chunkHints = chunkHints;
        this.tail = tail;
    }

    /**
     * Streams the store once.
     *
     * @param store the log
     * @return its index
     * @throws IOException if the store cannot be read or holds a malformed entry
     */
    public static MerkleIndex build(LogStore store) throws IOException {
        List<byte[]> chunkRoots = new ArrayList<>();
        long[] hints = new long[16];
        List<byte[]> current = new ArrayList<>(CHUNK);
        long count = 0;
        try (EntrySource source = store.entries()) {
            EntrySource.Item item;
            while ((item = source.next()) != null) {
                if (item.parsed() == null || item.parsed().seq() != count + 1) {
                    throw new IOException("entry " + (count + 1) + " is missing or malformed at " + item.location()
                            + "; run verify() to find out what happened");
                }
                if (current.isEmpty()) {
                    int chunk = (int) (count >>> CHUNK_BITS);
                    if (chunk >= hints.length) {
                        hints = java.util.Arrays.copyOf(hints, hints.length * 2);
                    }
                    hints[chunk] = store.hint(source);
                }
                current.add(item.parsed().leafHash());
                count++;
                if (current.size() == CHUNK) {
                    chunkRoots.add(rootOfLeafHashes(current, 0, CHUNK));
                    current = new ArrayList<>(CHUNK);
                }
            }
        }
        List<List<byte[]>> levels = new ArrayList<>();
        levels.add(chunkRoots);
        while (levels.get(levels.size() - 1).size() > 1) {
            List<byte[]> below = levels.get(levels.size() - 1);
            List<byte[]> up = new ArrayList<>(below.size() / 2);
            for (int i = 0; i + 1 < below.size(); i += 2) {
                up.add(Rfc6962.nodeHash(below.get(i), below.get(i + 1)));
            }
            levels.add(up);
        }
        return new MerkleIndex(store, count, levels, hints, current);
    }

    /** @return entries indexed */
    public long size() {
        return size;
    }

    /**
     * @param seq sequence number
     * @return the entry's canonical JSON
     * @throws IOException if the store cannot be read
     */
    public byte[] entry(long seq) throws IOException {
        long leaf = seq - 1;
        load(leaf >>> CHUNK_BITS);
        return cachedCanonical.get((int) (leaf & (CHUNK - 1)));
    }

    /**
     * RFC 6962 PATH(m, D[0:n]).
     *
     * @param m leaf index
     * @param n tree size
     * @return the audit path
     * @throws IOException if the store cannot be read
     */
    public List<byte[]> inclusionPath(long m, long n) throws IOException {
        List<byte[]> out = new ArrayList<>();
        path(m, 0, n, out);
        return out;
    }

    /**
     * RFC 6962 PROOF(m, D[0:n]).
     *
     * @param m old size
     * @param n new size
     * @return the consistency proof
     * @throws IOException if the store cannot be read
     */
    public List<byte[]> consistencyPath(long m, long n) throws IOException {
        List<byte[]> out = new ArrayList<>();
        if (m < n) {
            subproof(m, 0, n, true, out);
        }
        return out;
    }

    private void path(long m, long lo, long hi, List<byte[]> out) throws IOException {
        if (hi - lo == 1) {
            return;
        }
        long k = Long.highestOneBit(hi - lo - 1);
        if (m < lo + k) {
            path(m, lo, lo + k, out);
            out.add(hash(lo + k, hi));
        } else {
            path(m, lo + k, hi, out);
            out.add(hash(lo, lo + k));
        }
    }

    private void subproof(long m, long lo, long hi, boolean whole, List<byte[]> out) throws IOException {
        long n = hi - lo;
        if (m == n) {
            if (!whole) {
                out.add(hash(lo, hi));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, lo, lo + k, whole, out);
            out.add(hash(lo + k, hi));
        } else {
            subproof(m - k, lo + k, hi, false, out);
            out.add(hash(lo, lo + k));
        }
    }

    /** Merkle tree hash of leaves [lo, hi). */
    private byte[] hash(long lo, long hi) throws IOException {
        long n = hi - lo;
        if (Long.bitCount(n) == 1 && n >= CHUNK && lo % n == 0) {
            int level = Long.numberOfTrailingZeros(n) - CHUNK_BITS;
            return levels.get(level).get((int) (lo / n));
        }
        long chunk = lo >>> CHUNK_BITS;
        if (chunk == (hi - 1) >>> CHUNK_BITS) {
            List<byte[]> leaves = leaves(chunk);
            int from = (int) (lo - (chunk << CHUNK_BITS));
            return rootOfLeafHashes(leaves, from, from + (int) n);
        }
        long k = Long.highestOneBit(n - 1);
        return Rfc6962.nodeHash(hash(lo, lo + k), hash(lo + k, hi));
    }

    private List<byte[]> leaves(long chunk) throws IOException {
        if (chunk == size >>> CHUNK_BITS) {
            return tail;
        }
        load(chunk);
        return cachedLeaves;
    }

    private void load(long chunk) throws IOException {
        if (chunk == cachedChunk) {
            return;
        }
        long first = (chunk << CHUNK_BITS) + 1;
        int count = (int) Math.min(CHUNK, size - (chunk << CHUNK_BITS));
        List<byte[]> canonical = store.canonical(first, count, chunkHints[(int) chunk]);
        List<byte[]> leaves = new ArrayList<>(canonical.size());
        for (byte[] entry : canonical) {
            leaves.add(Rfc6962.leafHash(entry));
        }
        cachedChunk = chunk;
        cachedCanonical = canonical;
        cachedLeaves = leaves;
    }

    /** MTH over leaf hashes [from, to). */
    static byte[] rootOfLeafHashes(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = Integer.highestOneBit(n - 1);
        return Rfc6962.nodeHash(rootOfLeafHashes(leaves, from, from + k), rootOfLeafHashes(leaves, from + k, to));
    }
}
