package io.drm.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle Hash Tree of RFC 6962 (Certificate Transparency) section 2.1, over SHA-256: leaf and
 * node hashes, tree heads, inclusion proofs and consistency proofs, and their verification.
 *
 * <p>Leaves are hashed as {@code SHA-256(0x00 || data)} and inner nodes as
 * {@code SHA-256(0x01 || left || right)}, so a leaf can never be taken for a node (RFC 6962 §2.1).
 * A tree of {@code n > 1} leaves is split at {@code k}, the largest power of two smaller than
 * {@code n}: the first {@code k} leaves form the left subtree and the rest the right one.
 *
 * <p>Proofs are lists of 32-byte hashes in the order RFC 6962 defines them, from the leaf (or the
 * old tree) up to the root, which is also the order RFC 9162 (Certificate Transparency version 2)
 * and the verifiers of Certificate Transparency logs use. The verifiers follow the iterative
 * algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2, which apply unchanged to RFC 6962 trees.
 *
 * <p>Builders compute each leaf hash once and each needed subtree hash once: a proof over
 * {@code n} leaves costs {@code O(n)} hashes. Tree heads computed incrementally as leaves arrive, in
 * {@code O(log n)} memory, are the job of the module's internal {@code MerkleFrontier}.
 *
 * <p>All methods are stateless and thread-safe; every call uses its own {@link MessageDigest}.
 * Returned arrays and lists are new and may be modified by the caller; input arrays are not
 * modified.
 */
public final class Rfc6962 {

    /** The length in bytes of every hash: leaf hashes, node hashes, roots and proof nodes. */
    public static final int HASH_LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private Rfc6962() {
    }

    /**
     * Returns the Merkle tree hash of the empty tree, the SHA-256 of nothing (RFC 6962 §2.1:
     * {@code MTH({}) = SHA-256()}), {@code e3b0c442...7852b855}.
     *
     * @return a new 32-byte array
     */
    public static byte[] emptyRootHash() {
        return sha256().digest();
    }

    /**
     * Returns the hash of a leaf, {@code SHA-256(0x00 || leafData)} (RFC 6962 §2.1:
     * {@code MTH({d(0)}) = SHA-256(0x00 || d(0))}).
     *
     * @param leafData the leaf's data, of any length, possibly empty
     * @return a new 32-byte array
     * @throws NullPointerException if {@code leafData} is null
     */
    public static byte[] leafHash(byte[] leafData) {
        Objects.requireNonNull(leafData, "leafData");
        return leafHash(sha256(), leafData);
    }

    /**
     * Returns the hash of an inner node, {@code SHA-256(0x01 || left || right)} (RFC 6962 §2.1).
     * The children are normally 32-byte hashes; other lengths are hashed as given.
     *
     * @param left the hash of the left child
     * @param right the hash of the right child
     * @return a new 32-byte array
     * @throws NullPointerException if {@code left} or {@code right} is null
     */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        return nodeHash(sha256(), left, right);
    }

    /**
     * Returns the Merkle tree hash {@code MTH(D[n])} of a list of leaves (RFC 6962 §2.1), the root
     * of the tree whose leaves are {@code leafData} in order. The empty list gives
     * {@link #emptyRootHash()}. Costs {@code n} leaf hashes and {@code n - 1} node hashes.
     *
     * @param leafData the leaves' data, in order
     * @return a new 32-byte array
     * @throws NullPointerException if {@code leafData} or one of its elements is null
     */
    public static byte[] rootHash(List<byte[]> leafData) {
        Objects.requireNonNull(leafData, "leafData");
        MessageDigest md = sha256();
        byte[][] hashes = leafHashes(md, leafData);
        return hashes.length == 0 ? md.digest() : subtreeHash(md, hashes, 0, hashes.length);
    }

    /**
     * Returns the audit path {@code PATH(m, D[n])} of RFC 6962 §2.1.1 of the leaf at
     * {@code index} in the tree of {@code leafData}: the hashes of the siblings of the nodes on
     * the way from that leaf to the root, lowest first. The proof of the only leaf of a tree of
     * size 1 is empty. Check a proof with {@link #verifyInclusion}.
     *
     * @param leafData the leaves' data, in order
     * @param index the leaf's 0-based position, {@code 0 <= index < leafData.size()}
     * @return a new modifiable list of new 32-byte arrays
     * @throws NullPointerException if {@code leafData} or one of its elements is null
     * @throws IllegalArgumentException if {@code index} is negative or not less than the number
     *     of leaves (so always for the empty tree)
     */
    public static List<byte[]> inclusionProof(List<byte[]> leafData, long index) {
        Objects.requireNonNull(leafData, "leafData");
        int n = leafData.size();
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException("leaf index " + index + " is outside a tree of " + n + " leaves");
        }
        MessageDigest md = sha256();
        byte[][] hashes = leafHashes(md, leafData);
        List<byte[]> proof = new ArrayList<>();
        path(md, hashes, (int) index, 0, n, proof);
        return proof;
    }

    /**
     * Returns the consistency proof {@code PROOF(m, D[n])} of RFC 6962 §2.1.2 between the tree of
     * the first {@code oldSize} leaves of {@code leafData} and the tree of all of them: the
     * fewest hashes from which, with the old root, the new root can be computed. Check a proof
     * with {@link #verifyConsistency}.
     *
     * <p>When {@code oldSize} equals the number of leaves the proof is empty, as RFC 6962 defines
     * {@code PROOF(n, D[n])}. RFC 6962 defines no proof from the empty tree, so {@code oldSize 0}
     * is rejected; {@link #verifyConsistency} accepts an empty proof from the empty tree.
     *
     * @param leafData the leaves' data of the new tree, in order
     * @param oldSize the size of the old tree, {@code 0 < oldSize <= leafData.size()}
     * @return a new modifiable list of new 32-byte arrays
     * @throws NullPointerException if {@code leafData} or one of its elements is null
     * @throws IllegalArgumentException if {@code oldSize <= 0} or {@code oldSize > leafData.size()}
     */
    public static List<byte[]> consistencyProof(List<byte[]> leafData, long oldSize) {
        Objects.requireNonNull(leafData, "leafData");
        int n = leafData.size();
        if (oldSize <= 0 || oldSize > n) {
            throw new IllegalArgumentException("old tree size " + oldSize + " is not in 1.." + n);
        }
        MessageDigest md = sha256();
        byte[][] hashes = leafHashes(md, leafData);
        List<byte[]> proof = new ArrayList<>();
        subproof(md, hashes, (int) oldSize, 0, n, true, proof);
        return proof;
    }

    /**
     * Tells whether {@code proof} proves that the leaf whose hash is {@code leafHash} is at
     * {@code index} in the tree of {@code treeSize} leaves whose root is {@code root}, following
     * RFC 9162 §2.1.3.2 (the same check for the audit paths of RFC 6962 §2.1.1).
     *
     * <p>Never throws: null arguments or elements, hashes that are not 32 bytes long, a negative
     * index or size, an index not less than the size, and proofs with missing, extra or wrong
     * nodes all give {@code false}.
     *
     * @param leafHash the leaf's hash, as {@link #leafHash} computes it (not the leaf's data)
     * @param index the leaf's 0-based position
     * @param treeSize the number of leaves of the tree
     * @param proof the audit path, lowest node first
     * @param root the tree's root hash
     * @return true if and only if the proof is valid
     */
    public static boolean verifyInclusion(byte[] leafHash, long index, long treeSize, List<byte[]> proof,
            byte[] root) {
        byte[][] path = hashes(proof);
        if (!isHash(leafHash) || !isHash(root) || path == null || index < 0 || index >= treeSize) {
            return false;
        }
        MessageDigest md = sha256();
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(md, p, r);
                while (fn != 0 && (fn & 1) == 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = nodeHash(md, r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Tells whether {@code proof} proves that the tree of {@code oldSize} leaves with root
     * {@code oldRoot} is a prefix of the tree of {@code newSize} leaves with root
     * {@code newRoot}, following RFC 9162 §2.1.4.2 (the same check for the proofs of RFC 6962
     * §2.1.2).
     *
     * <p>Trivial cases: if {@code oldSize == newSize} the proof must be empty and the roots equal;
     * if {@code oldSize == 0} the proof must be empty and {@code oldRoot} must be
     * {@link #emptyRootHash()}, since the empty tree is a prefix of every tree.
     *
     * <p>Never throws: null arguments or elements, hashes that are not 32 bytes long, negative
     * sizes, {@code oldSize > newSize}, and proofs with missing, extra or wrong nodes all give
     * {@code false}.
     *
     * @param oldSize the number of leaves of the old tree
     * @param newSize the number of leaves of the new tree
     * @param oldRoot the root hash of the old tree
     * @param newRoot the root hash of the new tree
     * @param proof the consistency proof
     * @return true if and only if the proof is valid
     */
    public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
            List<byte[]> proof) {
        byte[][] path = hashes(proof);
        if (!isHash(oldRoot) || !isHash(newRoot) || path == null || oldSize < 0 || oldSize > newSize) {
            return false;
        }
        if (oldSize == newSize) {
            return path.length == 0 && MessageDigest.isEqual(oldRoot, newRoot);
        }
        if (oldSize == 0) {
            return path.length == 0 && MessageDigest.isEqual(oldRoot, emptyRootHash());
        }
        if (path.length == 0) {
            return false;
        }
        // When the old tree is complete its root is a node of the new tree and is not sent.
        boolean oldTreeComplete = (oldSize & (oldSize - 1)) == 0;
        MessageDigest md = sha256();
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = oldTreeComplete ? oldRoot : path[0];
        byte[] sr = fr;
        for (int i = oldTreeComplete ? 0 : 1; i < path.length; i++) {
            byte[] c = path[i];
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(md, c, fr);
                sr = nodeHash(md, c, sr);
                while (fn != 0 && (fn & 1) == 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = nodeHash(md, sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
    }

    // PATH(m, D[lo:hi]) of RFC 6962 §2.1.1, appended to proof lowest node first.
    private static void path(MessageDigest md, byte[][] hashes, int m, int lo, int hi, List<byte[]> proof) {
        if (hi - lo == 1) {
            return;
        }
        int k = split(hi - lo);
        if (m < k) {
            path(md, hashes, m, lo, lo + k, proof);
            proof.add(subtreeHash(md, hashes, lo + k, hi));
        } else {
            path(md, hashes, m - k, lo + k, hi, proof);
            proof.add(subtreeHash(md, hashes, lo, lo + k));
        }
    }

    // SUBPROOF(m, D[lo:hi], b) of RFC 6962 §2.1.2, appended to proof in the RFC's order.
    private static void subproof(MessageDigest md, byte[][] hashes, int m, int lo, int hi, boolean b,
            List<byte[]> proof) {
        if (m == hi - lo) {
            if (!b) {
                proof.add(subtreeHash(md, hashes, lo, hi));
            }
            return;
        }
        int k = split(hi - lo);
        if (m <= k) {
            subproof(md, hashes, m, lo, lo + k, b, proof);
            proof.add(subtreeHash(md, hashes, lo + k, hi));
        } else {
            subproof(md, hashes, m - k, lo + k, hi, false, proof);
            proof.add(subtreeHash(md, hashes, lo, lo + k));
        }
    }

    // MTH(D[lo:hi]) from the leaf hashes, for a non-empty range. The leaf hashes belong to the
    // calling method, and no range is used twice in a proof, so no array is shared or copied.
    private static byte[] subtreeHash(MessageDigest md, byte[][] hashes, int lo, int hi) {
        if (hi - lo == 1) {
            return hashes[lo];
        }
        int k = split(hi - lo);
        return nodeHash(md, subtreeHash(md, hashes, lo, lo + k), subtreeHash(md, hashes, lo + k, hi));
    }

    // The largest power of two smaller than n, for n >= 2.
    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[][] leafHashes(MessageDigest md, List<byte[]> leafData) {
        byte[][] hashes = new byte[leafData.size()][];
        int i = 0;
        for (byte[] leaf : leafData) {
            hashes[i++] = leafHash(md, Objects.requireNonNull(leaf, "leafData element"));
        }
        return hashes;
    }

    // The proof's nodes, or null if the proof or one of its nodes is null or not 32 bytes long.
    private static byte[][] hashes(List<byte[]> proof) {
        if (proof == null) {
            return null;
        }
        byte[][] nodes;
        try {
            nodes = proof.toArray(new byte[0][]);
        } catch (RuntimeException e) {
            return null;
        }
        for (byte[] node : nodes) {
            if (!isHash(node)) {
                return null;
            }
        }
        return nodes;
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_LENGTH;
    }

    private static byte[] leafHash(MessageDigest md, byte[] data) {
        md.update(LEAF_PREFIX);
        md.update(data);
        return md.digest();
    }

    private static byte[] nodeHash(MessageDigest md, byte[] left, byte[] right) {
        md.update(NODE_PREFIX);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
