package io.drm.audit;

import static io.drm.audit.PublishedVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Exhaustive checks over every tree of 1 to 64 leaves: every inclusion proof and every
 * consistency proof is the one RFC 6962 defines (see {@link ReferenceMerkle}), verifies, and stops
 * verifying when anything about it is changed.
 */
final class Rfc6962ProofsTest {

    private static final int MAX = 64;
    private static final int BEYOND = MAX + 8;
    private static final List<byte[]> LEAVES = ReferenceMerkle.leaves(BEYOND);
    private static final byte[][] ROOTS = new byte[BEYOND + 1][];
    private static final byte[][] LEAF_HASHES = new byte[BEYOND][];
    // INCLUSION[n][i]: proof of leaf i in the tree of n leaves; CONSISTENCY[n][m]: from m to n leaves.
    private static final List<List<List<byte[]>>> INCLUSION = new ArrayList<>();
    private static final List<List<List<byte[]>>> CONSISTENCY = new ArrayList<>();

    static {
        for (int n = 0; n <= BEYOND; n++) {
            ROOTS[n] = Rfc6962.rootHash(LEAVES.subList(0, n));
            List<List<byte[]>> inclusion = new ArrayList<>();
            List<List<byte[]>> consistency = new ArrayList<>();
            consistency.add(List.of()); // from the empty tree: no proof
            for (int i = 0; i < n; i++) {
                inclusion.add(Rfc6962.inclusionProof(LEAVES.subList(0, n), i));
                consistency.add(Rfc6962.consistencyProof(LEAVES.subList(0, n), i + 1));
            }
            INCLUSION.add(inclusion);
            CONSISTENCY.add(consistency);
        }
        for (int i = 0; i < BEYOND; i++) {
            LEAF_HASHES[i] = Rfc6962.leafHash(LEAVES.get(i));
        }
    }

    @Test
    void inclusion_proofs_are_the_rfc_paths_and_verify_for_every_index_of_every_size_up_to_64() {
        for (int n = 1; n <= MAX; n++) {
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = INCLUSION.get(n).get(i);
                assertThat(hex(proof)).as("PATH(%d, D[%d])", i, n)
                        .isEqualTo(hex(ReferenceMerkle.path(i, LEAVES.subList(0, n))));
                assertThat(Rfc6962.verifyInclusion(LEAF_HASHES[i], i, n, proof, ROOTS[n])).as("%d in %d", i, n).isTrue();
            }
        }
    }

    @Test
    void inclusion_proofs_fail_when_a_bit_of_a_node_flips() {
        List<String> accepted = new ArrayList<>();
        for (int n = 1; n <= MAX; n++) {
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = INCLUSION.get(n).get(i);
                for (int node = 0; node < proof.size(); node++) {
                    for (int bit : bitsToFlip(n)) {
                        if (Rfc6962.verifyInclusion(LEAF_HASHES[i], i, n, flipped(proof, node, bit), ROOTS[n])) {
                            accepted.add(i + " in " + n + ", node " + node + " bit " + bit);
                        }
                    }
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void inclusion_proofs_fail_with_a_node_dropped_or_added() {
        List<String> accepted = new ArrayList<>();
        Random random = new Random(7);
        for (int n = 1; n <= MAX; n++) {
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = INCLUSION.get(n).get(i);
                for (List<byte[]> wrong : droppedOrAdded(proof, random, ROOTS[n], LEAF_HASHES[i])) {
                    if (Rfc6962.verifyInclusion(LEAF_HASHES[i], i, n, wrong, ROOTS[n])) {
                        accepted.add(i + " in " + n + ": " + hex(wrong));
                    }
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void inclusion_proofs_fail_for_any_other_index() {
        for (int n = 1; n <= MAX; n++) {
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = INCLUSION.get(n).get(i);
                for (long other = -2; other <= n + 2; other++) {
                    if (other != i) {
                        assertThat(Rfc6962.verifyInclusion(LEAF_HASHES[i], other, n, proof, ROOTS[n]))
                                .as("%d in %d as %d", i, n, other).isFalse();
                    }
                }
                assertThat(Rfc6962.verifyInclusion(LEAF_HASHES[i], Long.MAX_VALUE, n, proof, ROOTS[n])).isFalse();
                assertThat(Rfc6962.verifyInclusion(LEAF_HASHES[i], Long.MIN_VALUE, n, proof, ROOTS[n])).isFalse();
            }
        }
    }

    @Test
    void inclusion_proofs_fail_for_any_other_size_and_its_root() {
        for (int n = 1; n <= MAX; n++) {
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = INCLUSION.get(n).get(i);
                for (int other = 0; other <= BEYOND; other++) {
                    if (other != n) {
                        assertThat(Rfc6962.verifyInclusion(LEAF_HASHES[i], i, other, proof, ROOTS[other]))
                                .as("%d in %d as size %d", i, n, other).isFalse();
                    }
                }
                for (long other : new long[] {-1, -n, Long.MIN_VALUE, Long.MAX_VALUE, 2L * n, n / 2}) {
                    assertThat(Rfc6962.verifyInclusion(LEAF_HASHES[i], i, other, proof, ROOTS[n])).isFalse();
                }
            }
        }
    }

    /**
     * A proof only fixes the sides on which its nodes join the path; another size whose path for
     * the same leaf has the same shape combines them identically, so with the original root the
     * proof still checks out (for example leaf 0 of 3 leaves, claimed in a tree of 4: it would take
     * a 4-leaf tree with that root, that is a SHA-256 collision). Every other size fails.
     */
    @Test
    void inclusion_proofs_with_the_original_root_hold_for_another_size_only_with_the_same_path_shape() {
        int sameShape = 0;
        for (int n = 1; n <= MAX; n++) {
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = INCLUSION.get(n).get(i);
                for (int other = 0; other <= BEYOND; other++) {
                    boolean expected = i < other && ReferenceMerkle.shape(i, other).equals(ReferenceMerkle.shape(i, n));
                    sameShape += expected && other != n ? 1 : 0;
                    assertThat(Rfc6962.verifyInclusion(LEAF_HASHES[i], i, other, proof, ROOTS[n]))
                            .as("%d in %d as size %d", i, n, other).isEqualTo(expected);
                }
            }
        }
        assertThat(sameShape).isPositive();
    }

    @Test
    void inclusion_proofs_fail_for_another_leaf_or_root() {
        List<String> accepted = new ArrayList<>();
        for (int n = 1; n <= MAX; n++) {
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = INCLUSION.get(n).get(i);
                for (int bit : bitsToFlip(n)) {
                    if (Rfc6962.verifyInclusion(flipped(LEAF_HASHES[i], bit), i, n, proof, ROOTS[n])
                            || Rfc6962.verifyInclusion(LEAF_HASHES[i], i, n, proof, flipped(ROOTS[n], bit))) {
                        accepted.add(i + " in " + n + ", bit " + bit);
                    }
                }
                for (int other = 0; other < BEYOND; other++) {
                    if (other != i) {
                        assertThat(Rfc6962.verifyInclusion(LEAF_HASHES[other], i, n, proof, ROOTS[n])).isFalse();
                    }
                }
                assertThat(Rfc6962.verifyInclusion(ROOTS[n], i, n, proof, ROOTS[n])).isEqualTo(n == 1);
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void consistency_proofs_are_the_rfc_proofs_and_verify_for_every_pair_of_sizes_up_to_64() {
        for (int n = 1; n <= MAX; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = CONSISTENCY.get(n).get(m);
                assertThat(hex(proof)).as("PROOF(%d, D[%d])", m, n)
                        .isEqualTo(hex(ReferenceMerkle.proof(m, LEAVES.subList(0, n))));
                assertThat(Rfc6962.verifyConsistency(m, n, ROOTS[m], ROOTS[n], proof)).as("%d to %d", m, n).isTrue();
            }
            assertThat(Rfc6962.verifyConsistency(0, n, ROOTS[0], ROOTS[n], List.of())).isTrue();
        }
    }

    @Test
    void consistency_proofs_fail_when_a_bit_of_a_node_flips() {
        List<String> accepted = new ArrayList<>();
        for (int n = 1; n <= MAX; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = CONSISTENCY.get(n).get(m);
                for (int node = 0; node < proof.size(); node++) {
                    for (int bit : bitsToFlip(n)) {
                        if (Rfc6962.verifyConsistency(m, n, ROOTS[m], ROOTS[n], flipped(proof, node, bit))) {
                            accepted.add(m + " to " + n + ", node " + node + " bit " + bit);
                        }
                    }
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void consistency_proofs_fail_with_a_node_dropped_or_added() {
        List<String> accepted = new ArrayList<>();
        Random random = new Random(8);
        for (int n = 1; n <= MAX; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = CONSISTENCY.get(n).get(m);
                for (List<byte[]> wrong : droppedOrAdded(proof, random, ROOTS[m], ROOTS[n])) {
                    if (Rfc6962.verifyConsistency(m, n, ROOTS[m], ROOTS[n], wrong)) {
                        accepted.add(m + " to " + n + ": " + hex(wrong));
                    }
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    /** A proof checks out for other sizes (with their roots) only where it is their proof too. */
    @Test
    void consistency_proofs_fail_for_other_sizes_and_their_roots() {
        for (int n = 1; n <= MAX; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = CONSISTENCY.get(n).get(m);
                for (int otherOld = 0; otherOld <= BEYOND; otherOld++) {
                    if (otherOld != m) {
                        boolean expected = otherOld <= n && hex(CONSISTENCY.get(n).get(otherOld)).equals(hex(proof));
                        assertThat(Rfc6962.verifyConsistency(otherOld, n, ROOTS[otherOld], ROOTS[n], proof))
                                .as("%d to %d as %d to %d", m, n, otherOld, n).isEqualTo(expected);
                    }
                }
                for (int otherNew = 0; otherNew <= BEYOND; otherNew++) {
                    if (otherNew != n) {
                        assertThat(Rfc6962.verifyConsistency(m, otherNew, ROOTS[m], ROOTS[otherNew], proof))
                                .as("%d to %d as %d to %d", m, n, m, otherNew).isFalse();
                    }
                }
                for (long[] sizes : new long[][] {{-m, n}, {m, -n}, {n + 1L, n}, {Long.MIN_VALUE, n}, {m, Long.MAX_VALUE}}) {
                    assertThat(Rfc6962.verifyConsistency(sizes[0], sizes[1], ROOTS[m], ROOTS[n], proof)).isFalse();
                }
            }
        }
    }

    @Test
    void consistency_proofs_fail_for_other_roots() {
        List<String> accepted = new ArrayList<>();
        for (int n = 1; n <= MAX; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = CONSISTENCY.get(n).get(m);
                for (int bit : bitsToFlip(n)) {
                    if (Rfc6962.verifyConsistency(m, n, flipped(ROOTS[m], bit), ROOTS[n], proof)
                            || Rfc6962.verifyConsistency(m, n, ROOTS[m], flipped(ROOTS[n], bit), proof)) {
                        accepted.add(m + " to " + n + ", bit " + bit);
                    }
                }
                if (m != n) {
                    assertThat(Rfc6962.verifyConsistency(m, n, ROOTS[n], ROOTS[m], proof)).isFalse();
                }
                for (int other = 0; other <= BEYOND; other++) {
                    if (other != m) {
                        assertThat(Rfc6962.verifyConsistency(m, n, ROOTS[other], ROOTS[n], proof)).isFalse();
                    }
                    if (other != n) {
                        assertThat(Rfc6962.verifyConsistency(m, n, ROOTS[m], ROOTS[other], proof)).isFalse();
                    }
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    // Every bit of a 32-byte hash in small trees; in larger ones one bit of every byte, to keep the
    // run short (any change reaches SHA-256 the same way).
    private static int[] bitsToFlip(int treeSize) {
        int[] bits = new int[treeSize <= 16 ? 256 : 32];
        for (int b = 0; b < bits.length; b++) {
            bits[b] = bits.length == 256 ? b : b * 8 + b % 8;
        }
        return bits;
    }

    private static byte[] flipped(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private static List<byte[]> flipped(List<byte[]> proof, int node, int bit) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(node, flipped(copy.get(node), bit));
        return copy;
    }

    // The proof with each node dropped in turn, and with a node inserted at each position: a
    // random hash, a repeat of a neighbour, and the given hashes.
    private static List<List<byte[]>> droppedOrAdded(List<byte[]> proof, Random random, byte[]... extras) {
        List<List<byte[]>> wrong = new ArrayList<>();
        for (int at = 0; at < proof.size(); at++) {
            List<byte[]> copy = new ArrayList<>(proof);
            copy.remove(at);
            wrong.add(copy);
        }
        for (int at = 0; at <= proof.size(); at++) {
            List<byte[]> candidates = new ArrayList<>(List.of(extras));
            byte[] randomHash = new byte[32];
            random.nextBytes(randomHash);
            candidates.add(randomHash);
            if (at < proof.size()) {
                candidates.add(proof.get(at));
            }
            if (at > 0) {
                candidates.add(proof.get(at - 1));
            }
            for (byte[] extra : candidates) {
                List<byte[]> copy = new ArrayList<>(proof);
                copy.add(at, extra);
                wrong.add(copy);
            }
        }
        return wrong;
    }
}
