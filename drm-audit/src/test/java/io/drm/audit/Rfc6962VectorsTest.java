package io.drm.audit;

import static io.drm.audit.PublishedVectors.bytes;
import static io.drm.audit.PublishedVectors.hex;
import static io.drm.audit.PublishedVectors.leaves;
import static io.drm.audit.PublishedVectors.root;
import static org.assertj.core.api.Assertions.assertThat;

import io.drm.audit.PublishedVectors.Consistency;
import io.drm.audit.PublishedVectors.Inclusion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Known answers: the published vectors of {@link PublishedVectors}. */
final class Rfc6962VectorsTest {

    private static final byte[] SOME_HASH =
            bytes("abacaba000000000000000000000000000000000000000000060061e00123456");

    @Test
    void empty_tree_root_is_sha256_of_nothing() {
        assertThat(hex(Rfc6962.rootHash(List.of()))).isEqualTo(PublishedVectors.EMPTY_ROOT)
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(hex(Rfc6962.emptyRootHash())).isEqualTo(PublishedVectors.EMPTY_ROOT);
    }

    @Test
    void leaf_hashes_are_the_published_level_0_hashes() {
        for (int i = 0; i < 8; i++) {
            assertThat(hex(Rfc6962.leafHash(bytes(PublishedVectors.LEAF_INPUTS.get(i)))))
                    .as("leaf %d", i).isEqualTo(PublishedVectors.NODE_HASHES[0][i]);
        }
    }

    @Test
    void node_hashes_are_the_published_upper_levels() {
        String[][] levels = PublishedVectors.NODE_HASHES;
        for (int level = 1; level < levels.length; level++) {
            for (int i = 0; i < levels[level].length; i++) {
                byte[] left = bytes(levels[level - 1][2 * i]);
                byte[] right = bytes(levels[level - 1][2 * i + 1]);
                assertThat(hex(Rfc6962.nodeHash(left, right))).as("level %d index %d", level, i)
                        .isEqualTo(levels[level][i]);
            }
        }
    }

    @Test
    void roots_are_the_published_roots_for_every_size_from_0_to_8() {
        for (int size = 0; size <= 8; size++) {
            assertThat(hex(Rfc6962.rootHash(leaves(size)))).as("size %d", size)
                    .isEqualTo(PublishedVectors.ROOTS.get(size));
        }
        assertThat(hex(Rfc6962.rootHash(leaves(8))))
                .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    }

    static Stream<Inclusion> inclusionVectors() {
        return Stream.concat(PublishedVectors.INCLUSION_PROOFS.stream(), PublishedVectors.INCLUSION_NODES.stream());
    }

    static Stream<Consistency> consistencyVectors() {
        return Stream.concat(PublishedVectors.CONSISTENCY_PROOFS.stream(),
                PublishedVectors.CONSISTENCY_NODES.stream());
    }

    @ParameterizedTest
    @MethodSource("inclusionVectors")
    void inclusion_proof_is_the_published_one(Inclusion v) {
        assertThat(hex(Rfc6962.inclusionProof(leaves(v.size()), v.index()))).isEqualTo(v.proof());
    }

    @ParameterizedTest
    @MethodSource("inclusionVectors")
    void published_inclusion_proof_verifies(Inclusion v) {
        byte[] leafHash = Rfc6962.leafHash(leaves(8).get((int) v.index()));
        assertThat(Rfc6962.verifyInclusion(leafHash, v.index(), v.size(), bytes(v.proof()), root(v.size()))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("inclusionVectors")
    void corrupted_published_inclusion_proof_fails(Inclusion v) {
        long index = v.index();
        long size = v.size();
        byte[] leafHash = Rfc6962.leafHash(leaves(8).get((int) index));
        byte[] root = root(size);
        List<byte[]> proof = bytes(v.proof());

        assertThat(Rfc6962.verifyInclusion(leafHash, index - 1, size, proof, root)).isFalse();
        assertThat(Rfc6962.verifyInclusion(leafHash, index + 1, size, proof, root)).isFalse();
        assertThat(Rfc6962.verifyInclusion(leafHash, index ^ 2, size, proof, root)).isFalse();
        assertThat(Rfc6962.verifyInclusion(leafHash, index, size * 2, proof, root)).isFalse();
        assertThat(Rfc6962.verifyInclusion(leafHash, index, size / 2, proof, root)).isFalse();
        assertThat(Rfc6962.verifyInclusion("WrongLeaf".getBytes(StandardCharsets.US_ASCII), index, size, proof, root))
                .isFalse();
        assertThat(Rfc6962.verifyInclusion(Rfc6962.leafHash("WrongLeaf".getBytes(StandardCharsets.US_ASCII)),
                index, size, proof, root)).isFalse();
        assertThat(Rfc6962.verifyInclusion(leafHash, index, size, proof, Rfc6962.emptyRootHash())).isFalse();
        assertThat(Rfc6962.verifyInclusion(leafHash, index, size, proof, SOME_HASH)).isFalse();
        assertThat(Rfc6962.verifyInclusion(leafHash, index, size, with(proof, proof.size(), new byte[0]), root))
                .isFalse();
        assertThat(Rfc6962.verifyInclusion(leafHash, index, size, with(proof, proof.size(), root), root)).isFalse();
        assertThat(Rfc6962.verifyInclusion(leafHash, index, size, with(proof, 0, new byte[0]), root)).isFalse();
        assertThat(Rfc6962.verifyInclusion(leafHash, index, size, with(proof, 0, root), root)).isFalse();
        for (int i = 0; i < proof.size(); i++) {
            assertThat(Rfc6962.verifyInclusion(leafHash, index, size, flipped(proof, i, 3), root)).isFalse();
            assertThat(Rfc6962.verifyInclusion(leafHash, index, size, without(proof, i), root)).isFalse();
            assertThat(Rfc6962.verifyInclusion(leafHash, index, size, with(proof, i, SOME_HASH), root)).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("consistencyVectors")
    void consistency_proof_is_the_published_one(Consistency v) {
        assertThat(hex(Rfc6962.consistencyProof(leaves(v.newSize()), v.oldSize()))).isEqualTo(v.proof());
    }

    @ParameterizedTest
    @MethodSource("consistencyVectors")
    void published_consistency_proof_verifies(Consistency v) {
        assertThat(Rfc6962.verifyConsistency(v.oldSize(), v.newSize(), root(v.oldSize()), root(v.newSize()),
                bytes(v.proof()))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("consistencyVectors")
    void corrupted_published_consistency_proof_fails(Consistency v) {
        long m = v.oldSize();
        long n = v.newSize();
        byte[] oldRoot = root(m);
        byte[] newRoot = root(n);
        List<byte[]> proof = bytes(v.proof());
        byte[] wrongRoot = "WrongRoot".getBytes(StandardCharsets.US_ASCII);

        if (!proof.isEmpty()) {
            assertThat(Rfc6962.verifyConsistency(m - 1, n, oldRoot, newRoot, proof)).isFalse();
            assertThat(Rfc6962.verifyConsistency(m + 1, n, oldRoot, newRoot, proof)).isFalse();
            assertThat(Rfc6962.verifyConsistency(m ^ 2, n, oldRoot, newRoot, proof)).isFalse();
            assertThat(Rfc6962.verifyConsistency(m, n * 2, oldRoot, newRoot, proof)).isFalse();
            assertThat(Rfc6962.verifyConsistency(m, n / 2, oldRoot, newRoot, proof)).isFalse();
            assertThat(Rfc6962.verifyConsistency(m, n, oldRoot, newRoot, List.of())).isFalse();
            assertThat(Rfc6962.verifyConsistency(m, n, oldRoot, newRoot, with(proof, 0, proof.get(0)))).isFalse();
            assertThat(Rfc6962.verifyConsistency(m, n, newRoot, oldRoot, proof)).isFalse();
        }
        assertThat(Rfc6962.verifyConsistency(m, n, wrongRoot, newRoot, proof)).isFalse();
        assertThat(Rfc6962.verifyConsistency(m, n, oldRoot, wrongRoot, proof)).isFalse();
        assertThat(Rfc6962.verifyConsistency(m, n, SOME_HASH, newRoot, proof)).isFalse();
        assertThat(Rfc6962.verifyConsistency(m, n, oldRoot, SOME_HASH, proof)).isFalse();
        for (byte[] extra : List.of(new byte[0], oldRoot, newRoot, SOME_HASH)) {
            assertThat(Rfc6962.verifyConsistency(m, n, oldRoot, newRoot, with(proof, proof.size(), extra))).isFalse();
            assertThat(Rfc6962.verifyConsistency(m, n, oldRoot, newRoot, with(proof, 0, extra))).isFalse();
        }
        for (int i = 0; i < proof.size(); i++) {
            assertThat(Rfc6962.verifyConsistency(m, n, oldRoot, newRoot, flipped(proof, i, 4))).isFalse();
            assertThat(Rfc6962.verifyConsistency(m, n, oldRoot, newRoot, without(proof, i))).isFalse();
        }
    }

    @Test
    void single_leaf_tree_has_an_empty_proof_and_its_leaf_hash_as_root() {
        byte[] hash = Rfc6962.leafHash("data".getBytes(StandardCharsets.US_ASCII));
        assertThat(Rfc6962.rootHash(List.of("data".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(hash);
        assertThat(Rfc6962.verifyInclusion(hash, 0, 1, List.of(), hash)).isTrue();
        assertThat(Rfc6962.verifyInclusion(hash, 0, 1, List.of(), new byte[0])).isFalse();
        assertThat(Rfc6962.verifyInclusion(new byte[0], 0, 1, List.of(), hash)).isFalse();
        assertThat(Rfc6962.verifyInclusion(new byte[0], 0, 1, List.of(), new byte[0])).isFalse();
    }

    @Test
    void inclusion_in_trees_too_small_for_the_index_fails() {
        byte[] empty = Rfc6962.emptyRootHash();
        long[][] indexAndSize = {{0, 0}, {0, 1}, {1, 0}, {2, 1}};
        for (long[] p : indexAndSize) {
            assertThat(Rfc6962.verifyInclusion(SOME_HASH, p[0], p[1], List.of(), new byte[0])).isFalse();
            assertThat(Rfc6962.verifyInclusion(new byte[0], p[0], p[1], List.of(), empty)).isFalse();
            assertThat(Rfc6962.verifyInclusion(SOME_HASH, p[0], p[1], List.of(), empty)).isFalse();
        }
    }

    @Test
    void trivial_consistency_cases() {
        byte[] empty = Rfc6962.emptyRootHash();
        byte[] root1 = root(1);
        byte[] root2 = root(2);
        // Sizes that are always consistent, given the right roots and no proof.
        assertThat(Rfc6962.verifyConsistency(0, 0, empty, empty, List.of())).isTrue();
        assertThat(Rfc6962.verifyConsistency(0, 1, empty, root1, List.of())).isTrue();
        assertThat(Rfc6962.verifyConsistency(0, 8, empty, root(8), List.of())).isTrue();
        assertThat(Rfc6962.verifyConsistency(1, 1, root2, root2, List.of())).isTrue();
        // From the empty tree the old root must be the empty tree's (the Go verifier does not check it).
        assertThat(Rfc6962.verifyConsistency(0, 1, root1, root2, List.of())).isFalse();
        // Time travel to the past.
        assertThat(Rfc6962.verifyConsistency(1, 0, root1, empty, List.of())).isFalse();
        assertThat(Rfc6962.verifyConsistency(2, 1, root2, root1, List.of())).isFalse();
        // Empty proof between different sizes.
        assertThat(Rfc6962.verifyConsistency(1, 2, root1, root2, List.of())).isFalse();
        // Roots do not match.
        assertThat(Rfc6962.verifyConsistency(0, 0, empty, root2, List.of())).isFalse();
        assertThat(Rfc6962.verifyConsistency(1, 1, empty, root2, List.of())).isFalse();
        // Roots match but the proof is not empty.
        assertThat(Rfc6962.verifyConsistency(0, 0, empty, empty, List.of(empty))).isFalse();
        assertThat(Rfc6962.verifyConsistency(0, 1, empty, empty, List.of(empty))).isFalse();
        assertThat(Rfc6962.verifyConsistency(1, 1, empty, empty, List.of(empty))).isFalse();
    }

    private static List<byte[]> with(List<byte[]> proof, int at, byte[] node) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.add(at, node);
        return copy;
    }

    private static List<byte[]> without(List<byte[]> proof, int at) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.remove(at);
        return copy;
    }

    private static List<byte[]> flipped(List<byte[]> proof, int at, int bit) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] node = copy.get(at).clone();
        node[0] ^= (byte) (1 << bit);
        copy.set(at, node);
        return copy;
    }
}
