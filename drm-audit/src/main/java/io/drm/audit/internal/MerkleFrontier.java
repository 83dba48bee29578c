package io.drm.audit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The right edge ("compact range") of an RFC 6962 Merkle tree that grows one leaf at a time: it
 * gives the tree head of all the leaves added so far without keeping the leaves.
 *
 * <p>A tree of {@code n} leaves is, from left to right, a sequence of complete subtrees, one for
 * each bit set in {@code n}, largest first: for {@code n = 6} the subtrees of leaves
 * {@code 0..3} and {@code 4..5}. This class keeps only the root hashes of those subtrees, so it
 * holds at most 64 hashes. Adding a leaf appends its hash and merges equal-sized subtrees, as
 * when adding one to a binary counter ({@code O(1)} node hashes on average, {@code O(log n)} at
 * most); the root of RFC 6962 §2.1 is then those subtree roots hashed together from right to
 * left ({@code O(log n)} node hashes).
 *
 * <p>Hashes are those of RFC 6962: {@code SHA-256(0x00 || data)} for a leaf, which the caller
 * computes, and {@code SHA-256(0x01 || left || right)} for a node.
 *
 * <p>Not thread-safe: an instance holds its own {@link MessageDigest}. Use {@link #copy()} to
 * hand a snapshot to another thread or to compute what the tree would be with more leaves.
 */
public final class MerkleFrontier {

    private static final int HASH_LENGTH = 32;
    private static final byte NODE_PREFIX = 0x01;

    private final MessageDigest md = sha256();
    // Roots of the complete subtrees, largest (leftmost) first; never modified once stored.
    private final ArrayList<byte[]> nodes;
    private long size;

    /** Creates the frontier of the empty tree. */
    public MerkleFrontier() {
        this.nodes = new ArrayList<>();
        this.size = 0;
    }

    private MerkleFrontier(long size, ArrayList<byte[]> nodes) {
        this.nodes = nodes;
        this.size = size;
    }

    /**
     * Rebuilds a frontier from a size and the hashes that {@link #nodes()} returned for it, for
     * example to resume a log from a stored checkpoint.
     *
     * @param size the number of leaves of the tree
     * @param nodes the roots of its complete subtrees, largest first, one for each bit set in
     *     {@code size}
     * @return a new frontier
     * @throws NullPointerException if {@code nodes} or one of its elements is null
     * @throws IllegalArgumentException if {@code size} is negative, if the number of nodes is not
     *     the number of bits set in {@code size}, or if a node is not 32 bytes long
     */
    public static MerkleFrontier restore(long size, List<byte[]> nodes) {
        Objects.requireNonNull(nodes, "nodes");
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        if (nodes.size() != Long.bitCount(size)) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(size)
                    + " frontier nodes, not " + nodes.size());
        }
        ArrayList<byte[]> copy = new ArrayList<>(nodes.size());
        for (byte[] node : nodes) {
            copy.add(checkedHash(node, "node"));
        }
        return new MerkleFrontier(size, copy);
    }

    /**
     * Appends a leaf to the tree.
     *
     * @param leafHash the leaf's hash, {@code SHA-256(0x00 || data)}
     * @throws NullPointerException if {@code leafHash} is null
     * @throws IllegalArgumentException if {@code leafHash} is not 32 bytes long
     * @throws IllegalStateException if the tree already has {@link Long#MAX_VALUE} leaves
     */
    public void add(byte[] leafHash) {
        byte[] hash = checkedHash(leafHash, "leafHash");
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full");
        }
        nodes.add(hash);
        // Each trailing 1 bit of the old size is a complete subtree as large as the one just
        // completed on its right: merge them, like a carry.
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            byte[] right = nodes.remove(nodes.size() - 1);
            byte[] left = nodes.remove(nodes.size() - 1);
            nodes.add(nodeHash(left, right));
        }
        size++;
    }

    /**
     * Returns the number of leaves added so far (or restored).
     *
     * @return the tree size, {@code >= 0}
     */
    public long size() {
        return size;
    }

    /**
     * Returns the Merkle tree hash of RFC 6962 §2.1 of all the leaves so far; for the empty tree,
     * the SHA-256 of nothing.
     *
     * @return a new 32-byte array
     */
    public byte[] root() {
        if (nodes.isEmpty()) {
            return md.digest();
        }
        int i = nodes.size() - 1;
        byte[] root = nodes.get(i).clone();
        while (--i >= 0) {
            root = nodeHash(nodes.get(i), root);
        }
        return root;
    }

    /**
     * Returns the roots of the complete subtrees that make up the tree, largest (leftmost) first,
     * one for each bit set in {@link #size()}: what {@link #restore} takes back.
     *
     * @return a new modifiable list of new 32-byte arrays
     */
    public List<byte[]> nodes() {
        List<byte[]> copy = new ArrayList<>(nodes.size());
        for (byte[] node : nodes) {
            copy.add(node.clone());
        }
        return copy;
    }

    /**
     * Returns an independent frontier of the same tree: adding to one does not change the other.
     *
     * @return a new frontier
     */
    public MerkleFrontier copy() {
        // Stored hashes are never modified, so the copy may share them.
        return new MerkleFrontier(size, new ArrayList<>(nodes));
    }

    private byte[] nodeHash(byte[] left, byte[] right) {
        md.update(NODE_PREFIX);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    private static byte[] checkedHash(byte[] hash, String name) {
        Objects.requireNonNull(hash, name);
        if (hash.length != HASH_LENGTH) {
            throw new IllegalArgumentException(name + " has " + hash.length + " bytes, not " + HASH_LENGTH);
        }
        return hash.clone();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
