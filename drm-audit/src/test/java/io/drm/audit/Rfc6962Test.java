package io.drm.audit;

import static io.drm.audit.ReferenceMerkle.concat;
import static io.drm.audit.ReferenceMerkle.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Hash functions, argument checks of the builders, and malformed input to the verifiers. */
final class Rfc6962Test {

    private static final List<byte[]> LEAVES = ReferenceMerkle.leaves(13);
    private static final byte[] ROOT = Rfc6962.rootHash(LEAVES);
    private static final byte[] LEAF_5 = Rfc6962.leafHash(LEAVES.get(5));
    private static final List<byte[]> PROOF_5 = Rfc6962.inclusionProof(LEAVES, 5);
    private static final byte[] OLD_ROOT = Rfc6962.rootHash(LEAVES.subList(0, 6));
    private static final List<byte[]> PROOF_6_13 = Rfc6962.consistencyProof(LEAVES, 6);

    @Test
    void leafHash_is_sha256_of_0x00_and_the_data() {
        Random random = new Random(1);
        for (int length = 0; length < 300; length += 7) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            assertThat(Rfc6962.leafHash(data)).isEqualTo(sha256(concat(new byte[] {0}, data)));
        }
    }

    @Test
    void nodeHash_is_sha256_of_0x01_and_both_children() {
        Random random = new Random(2);
        for (int i = 0; i < 20; i++) {
            byte[] left = new byte[32];
            byte[] right = new byte[32];
            random.nextBytes(left);
            random.nextBytes(right);
            assertThat(Rfc6962.nodeHash(left, right)).isEqualTo(sha256(concat(new byte[] {1}, left, right)))
                    .isNotEqualTo(Rfc6962.nodeHash(right, left));
        }
    }

    @Test
    void a_leaf_never_hashes_like_a_node_of_the_same_bytes() {
        byte[] left = Rfc6962.leafHash(new byte[] {1});
        byte[] right = Rfc6962.leafHash(new byte[] {2});
        assertThat(Rfc6962.leafHash(concat(left, right))).isNotEqualTo(Rfc6962.nodeHash(left, right));
    }

    @Test
    void hash_functions_reject_null() {
        assertThatThrownBy(() -> Rfc6962.leafHash(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Rfc6962.nodeHash(null, new byte[32])).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Rfc6962.nodeHash(new byte[32], null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void rootHash_matches_the_reference_for_every_size_up_to_70() {
        List<byte[]> leaves = ReferenceMerkle.leaves(70);
        for (int n = 0; n <= 70; n++) {
            assertThat(Rfc6962.rootHash(leaves.subList(0, n))).as("size %d", n)
                    .isEqualTo(ReferenceMerkle.mth(leaves.subList(0, n)));
        }
    }

    @Test
    void builders_accept_any_list_implementation() {
        List<byte[]> linked = new LinkedList<>(LEAVES);
        assertThat(Rfc6962.rootHash(linked)).isEqualTo(ROOT);
        assertThat(Rfc6962.inclusionProof(linked, 5)).containsExactlyElementsOf(PROOF_5);
        assertThat(Rfc6962.consistencyProof(linked, 6)).containsExactlyElementsOf(PROOF_6_13);
    }

    @Test
    void builders_reject_null_lists_and_null_leaves() {
        List<byte[]> withNull = new ArrayList<>(LEAVES);
        withNull.set(3, null);
        assertThatThrownBy(() -> Rfc6962.rootHash(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Rfc6962.rootHash(withNull)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Rfc6962.inclusionProof(null, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Rfc6962.inclusionProof(withNull, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Rfc6962.consistencyProof(null, 1)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Rfc6962.consistencyProof(withNull, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void inclusionProof_rejects_an_index_outside_the_tree() {
        for (long index : new long[] {-1, 13, 14, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE + 1L}) {
            assertThatThrownBy(() -> Rfc6962.inclusionProof(LEAVES, index))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Rfc6962.inclusionProof(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void consistencyProof_rejects_an_old_size_outside_1_to_size() {
        for (long oldSize : new long[] {0, -1, 14, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE + 1L}) {
            assertThatThrownBy(() -> Rfc6962.consistencyProof(LEAVES, oldSize))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Rfc6962.consistencyProof(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void consistencyProof_to_the_same_size_is_empty() {
        assertThat(Rfc6962.consistencyProof(LEAVES, 13)).isEmpty();
        assertThat(Rfc6962.verifyConsistency(13, 13, ROOT, ROOT, List.of())).isTrue();
    }

    @Test
    void results_are_new_arrays_and_inputs_are_left_alone() {
        List<byte[]> leaves = ReferenceMerkle.leaves(5);
        List<byte[]> before = new ArrayList<>();
        leaves.forEach(leaf -> before.add(leaf.clone()));
        List<byte[]> proof = Rfc6962.inclusionProof(leaves, 1);
        byte[] root = Rfc6962.rootHash(leaves);
        proof.get(0)[0] ^= 1;
        root[0] ^= 1;
        proof.add(new byte[32]);
        assertThat(Rfc6962.inclusionProof(leaves, 1)).hasSize(3);
        assertThat(Rfc6962.inclusionProof(leaves, 1).get(0)).isNotEqualTo(proof.get(0));
        assertThat(Rfc6962.rootHash(leaves)).isNotEqualTo(root);
        assertThat(leaves).zipSatisfy(before, (a, b) -> assertThat(a).isEqualTo(b));
        byte[] empty = Rfc6962.emptyRootHash();
        empty[0] ^= 1;
        assertThat(Rfc6962.emptyRootHash()).isEqualTo(sha256(new byte[0]));
    }

    @Test
    void verifyInclusion_returns_false_for_null_arguments() {
        assertThat(Rfc6962.verifyInclusion(LEAF_5, 5, 13, PROOF_5, ROOT)).isTrue();
        assertThat(Rfc6962.verifyInclusion(null, 5, 13, PROOF_5, ROOT)).isFalse();
        assertThat(Rfc6962.verifyInclusion(LEAF_5, 5, 13, null, ROOT)).isFalse();
        assertThat(Rfc6962.verifyInclusion(LEAF_5, 5, 13, PROOF_5, null)).isFalse();
        for (int i = 0; i < PROOF_5.size(); i++) {
            List<byte[]> proof = new ArrayList<>(PROOF_5);
            proof.set(i, null);
            assertThat(Rfc6962.verifyInclusion(LEAF_5, 5, 13, proof, ROOT)).isFalse();
            assertThat(Rfc6962.verifyInclusion(LEAF_5, 5, 13, Arrays.asList(proof.toArray(new byte[0][])), ROOT))
                    .isFalse();
        }
    }

    @Test
    void verifyInclusion_returns_false_for_hashes_of_the_wrong_length() {
        for (int length : new int[] {0, 1, 31, 33, 64}) {
            assertThat(Rfc6962.verifyInclusion(resized(LEAF_5, length), 5, 13, PROOF_5, ROOT)).isFalse();
            assertThat(Rfc6962.verifyInclusion(LEAF_5, 5, 13, PROOF_5, resized(ROOT, length))).isFalse();
            for (int i = 0; i < PROOF_5.size(); i++) {
                List<byte[]> proof = new ArrayList<>(PROOF_5);
                proof.set(i, resized(proof.get(i), length));
                assertThat(Rfc6962.verifyInclusion(LEAF_5, 5, 13, proof, ROOT)).isFalse();
            }
        }
    }

    @Test
    void verifyInclusion_returns_false_for_impossible_index_or_size() {
        long[][] indexAndSize = {
            {-1, 13}, {13, 13}, {14, 13}, {5, 0}, {5, -13}, {-5, -13}, {0, 0},
            {Long.MIN_VALUE, 13}, {Long.MAX_VALUE, 13}, {5, Long.MIN_VALUE}, {5, Long.MAX_VALUE},
            {Long.MAX_VALUE - 1, Long.MAX_VALUE}, {Long.MAX_VALUE, Long.MAX_VALUE},
        };
        for (long[] p : indexAndSize) {
            assertThat(Rfc6962.verifyInclusion(LEAF_5, p[0], p[1], PROOF_5, ROOT)).as("%s", Arrays.toString(p))
                    .isFalse();
        }
    }

    @Test
    void verifyInclusion_never_throws_on_random_input() {
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            List<byte[]> proof = randomHashes(random, random.nextInt(70));
            long size = random.nextBoolean() ? random.nextLong() : random.nextInt(1000);
            long index = random.nextBoolean() ? random.nextLong() : random.nextInt(1000);
            assertThatCode(() -> assertThat(
                    Rfc6962.verifyInclusion(randomHash(random), index, size, proof, randomHash(random))).isFalse())
                    .doesNotThrowAnyException();
        }
        List<byte[]> huge = randomHashes(random, 10_000);
        assertThat(Rfc6962.verifyInclusion(LEAF_5, 5, Long.MAX_VALUE, huge, ROOT)).isFalse();
        assertThat(Rfc6962.verifyInclusion(LEAF_5, 5, 13, huge, ROOT)).isFalse();
    }

    @Test
    void verifyConsistency_returns_false_for_null_arguments() {
        assertThat(Rfc6962.verifyConsistency(6, 13, OLD_ROOT, ROOT, PROOF_6_13)).isTrue();
        assertThat(Rfc6962.verifyConsistency(6, 13, null, ROOT, PROOF_6_13)).isFalse();
        assertThat(Rfc6962.verifyConsistency(6, 13, OLD_ROOT, null, PROOF_6_13)).isFalse();
        assertThat(Rfc6962.verifyConsistency(6, 13, OLD_ROOT, ROOT, null)).isFalse();
        assertThat(Rfc6962.verifyConsistency(13, 13, ROOT, ROOT, null)).isFalse();
        assertThat(Rfc6962.verifyConsistency(0, 13, Rfc6962.emptyRootHash(), ROOT, null)).isFalse();
        assertThat(Rfc6962.verifyConsistency(13, 13, null, null, List.of())).isFalse();
        for (int i = 0; i < PROOF_6_13.size(); i++) {
            List<byte[]> proof = new ArrayList<>(PROOF_6_13);
            proof.set(i, null);
            assertThat(Rfc6962.verifyConsistency(6, 13, OLD_ROOT, ROOT, proof)).isFalse();
        }
    }

    @Test
    void verifyConsistency_returns_false_for_hashes_of_the_wrong_length() {
        for (int length : new int[] {0, 1, 31, 33, 64}) {
            assertThat(Rfc6962.verifyConsistency(6, 13, resized(OLD_ROOT, length), ROOT, PROOF_6_13)).isFalse();
            assertThat(Rfc6962.verifyConsistency(6, 13, OLD_ROOT, resized(ROOT, length), PROOF_6_13)).isFalse();
            assertThat(Rfc6962.verifyConsistency(13, 13, resized(ROOT, length), resized(ROOT, length), List.of()))
                    .isFalse();
            for (int i = 0; i < PROOF_6_13.size(); i++) {
                List<byte[]> proof = new ArrayList<>(PROOF_6_13);
                proof.set(i, resized(proof.get(i), length));
                assertThat(Rfc6962.verifyConsistency(6, 13, OLD_ROOT, ROOT, proof)).isFalse();
            }
        }
    }

    @Test
    void verifyConsistency_returns_false_for_impossible_sizes() {
        long[][] sizes = {
            {14, 13}, {13, 6}, {-6, 13}, {6, -13}, {-13, -6}, {Long.MIN_VALUE, 13}, {6, Long.MIN_VALUE},
            {6, Long.MAX_VALUE}, {Long.MAX_VALUE, 13}, {Long.MAX_VALUE - 7, Long.MAX_VALUE}, {0, 13}, {6, 0},
        };
        for (long[] p : sizes) {
            assertThat(Rfc6962.verifyConsistency(p[0], p[1], OLD_ROOT, ROOT, PROOF_6_13))
                    .as("%s", Arrays.toString(p)).isFalse();
        }
    }

    @Test
    void verifyConsistency_from_the_empty_tree_needs_the_empty_root_and_no_proof() {
        byte[] empty = Rfc6962.emptyRootHash();
        assertThat(Rfc6962.verifyConsistency(0, 13, empty, ROOT, List.of())).isTrue();
        assertThat(Rfc6962.verifyConsistency(0, 0, empty, empty, List.of())).isTrue();
        assertThat(Rfc6962.verifyConsistency(0, 13, ROOT, ROOT, List.of())).isFalse();
        assertThat(Rfc6962.verifyConsistency(0, 13, empty, ROOT, List.of(ROOT))).isFalse();
        assertThat(Rfc6962.verifyConsistency(0, 0, empty, ROOT, List.of())).isFalse();
    }

    @Test
    void verifyConsistency_never_throws_on_random_input() {
        Random random = new Random(4);
        for (int i = 0; i < 2000; i++) {
            List<byte[]> proof = randomHashes(random, random.nextInt(130));
            long oldSize = random.nextBoolean() ? random.nextLong() : random.nextInt(1000);
            long newSize = random.nextBoolean() ? random.nextLong() : random.nextInt(1000);
            assertThatCode(() -> assertThat(
                    Rfc6962.verifyConsistency(oldSize, newSize, randomHash(random), randomHash(random), proof))
                    .isFalse()).doesNotThrowAnyException();
        }
        List<byte[]> huge = randomHashes(random, 10_000);
        assertThat(Rfc6962.verifyConsistency(6, Long.MAX_VALUE, OLD_ROOT, ROOT, huge)).isFalse();
        assertThat(Rfc6962.verifyConsistency(6, 13, OLD_ROOT, ROOT, huge)).isFalse();
    }

    @Test
    void proofs_verify_in_a_large_tree() {
        List<byte[]> leaves = ReferenceMerkle.leaves(100_003);
        byte[] root = Rfc6962.rootHash(leaves);
        Random random = new Random(5);
        for (int i = 0; i < 6; i++) {
            int index = random.nextInt(leaves.size());
            List<byte[]> proof = Rfc6962.inclusionProof(leaves, index);
            assertThat(proof).hasSizeLessThanOrEqualTo(17);
            assertThat(Rfc6962.verifyInclusion(Rfc6962.leafHash(leaves.get(index)), index, leaves.size(), proof, root))
                    .isTrue();
            int oldSize = 1 + random.nextInt(leaves.size());
            byte[] oldRoot = Rfc6962.rootHash(leaves.subList(0, oldSize));
            assertThat(Rfc6962.verifyConsistency(oldSize, leaves.size(), oldRoot, root,
                    Rfc6962.consistencyProof(leaves, oldSize))).isTrue();
        }
    }

    @Test
    void concurrent_callers_get_the_same_answers() {
        List<byte[]> leaves = ReferenceMerkle.leaves(200);
        List<byte[]> expected = new ArrayList<>();
        for (int n = 1; n <= 200; n++) {
            expected.add(Rfc6962.rootHash(leaves.subList(0, n)));
        }
        for (int round = 0; round < 5; round++) {
            IntStream.rangeClosed(1, 200).parallel().forEach(n -> {
                byte[] root = Rfc6962.rootHash(leaves.subList(0, n));
                assertThat(root).isEqualTo(expected.get(n - 1));
                int index = n / 2;
                assertThat(Rfc6962.verifyInclusion(Rfc6962.leafHash(leaves.get(index)), index, n,
                        Rfc6962.inclusionProof(leaves.subList(0, n), index), root)).isTrue();
            });
        }
    }

    private static byte[] resized(byte[] hash, int length) {
        return Arrays.copyOf(hash, length);
    }

    private static byte[] randomHash(Random random) {
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        return hash;
    }

    private static List<byte[]> randomHashes(Random random, int count) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hashes.add(randomHash(random));
        }
        return hashes;
    }
}
