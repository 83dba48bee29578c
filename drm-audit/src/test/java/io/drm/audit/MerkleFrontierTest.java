package io.drm.audit;

import static io.drm.audit.PublishedVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.audit.PublishedVectors.Node;
import io.drm.audit.internal.MerkleFrontier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class MerkleFrontierTest {

    @Test
    void empty_frontier_has_size_0_and_the_empty_root() {
        MerkleFrontier frontier = new MerkleFrontier();
        assertThat(frontier.size()).isZero();
        assertThat(hex(frontier.root())).isEqualTo(PublishedVectors.EMPTY_ROOT);
        assertThat(frontier.nodes()).isEmpty();
    }

    @Test
    void roots_and_nodes_are_the_published_ones_for_sizes_0_to_8() {
        MerkleFrontier frontier = new MerkleFrontier();
        List<byte[]> leaves = PublishedVectors.leaves(8);
        for (int size = 0; size <= 8; size++) {
            if (size > 0) {
                frontier.add(Rfc6962.leafHash(leaves.get(size - 1)));
            }
            assertThat(frontier.size()).isEqualTo(size);
            assertThat(hex(frontier.root())).as("size %d", size).isEqualTo(PublishedVectors.ROOTS.get(size));
            assertThat(hex(frontier.nodes())).as("size %d", size)
                    .isEqualTo(PublishedVectors.COMPACT_TREES.get(size).stream().map(Node::hash).toList());
        }
    }

    @Test
    void root_equals_rootHash_for_every_size_from_0_to_300() {
        List<byte[]> leaves = ReferenceMerkle.leaves(300);
        MerkleFrontier frontier = new MerkleFrontier();
        for (int size = 0; size <= 300; size++) {
            if (size > 0) {
                frontier.add(Rfc6962.leafHash(leaves.get(size - 1)));
            }
            assertThat(frontier.size()).isEqualTo(size);
            assertThat(frontier.root()).as("size %d", size).isEqualTo(Rfc6962.rootHash(leaves.subList(0, size)));
            assertThat(frontier.nodes()).hasSize(Long.bitCount(size));
        }
    }

    @Test
    void root_equals_the_rfc_definition_for_every_size_up_to_64() {
        List<byte[]> leaves = ReferenceMerkle.leaves(64);
        MerkleFrontier frontier = new MerkleFrontier();
        for (int size = 1; size <= 64; size++) {
            frontier.add(Rfc6962.leafHash(leaves.get(size - 1)));
            assertThat(frontier.root()).isEqualTo(ReferenceMerkle.mth(leaves.subList(0, size)));
        }
    }

    @Test
    void root_equals_rootHash_for_large_and_random_sizes() {
        Random random = new Random(9);
        List<Integer> sizes = new ArrayList<>(List.of(1023, 1024, 1025, 65_535, 65_536, 65_537));
        for (int i = 0; i < 5; i++) {
            sizes.add(1 + random.nextInt(150_000));
        }
        List<byte[]> leaves = ReferenceMerkle.leaves(150_001);
        MerkleFrontier frontier = new MerkleFrontier();
        for (int size : sizes.stream().sorted().toList()) {
            while (frontier.size() < size) {
                frontier.add(Rfc6962.leafHash(leaves.get((int) frontier.size())));
            }
            assertThat(frontier.root()).as("size %d", size).isEqualTo(Rfc6962.rootHash(leaves.subList(0, size)));
        }
    }

    @Test
    void copy_is_independent_of_the_original() {
        List<byte[]> leaves = ReferenceMerkle.leaves(40);
        MerkleFrontier original = new MerkleFrontier();
        for (int i = 0; i < 11; i++) {
            original.add(Rfc6962.leafHash(leaves.get(i)));
        }
        MerkleFrontier copy = original.copy();
        assertThat(copy.size()).isEqualTo(11);
        assertThat(copy.root()).isEqualTo(original.root());

        for (int i = 11; i < 40; i++) {
            copy.add(Rfc6962.leafHash(leaves.get(i)));
        }
        original.add(Rfc6962.leafHash(new byte[] {42}));

        assertThat(copy.size()).isEqualTo(40);
        assertThat(copy.root()).isEqualTo(Rfc6962.rootHash(leaves));
        List<byte[]> originalLeaves = new ArrayList<>(leaves.subList(0, 11));
        originalLeaves.add(new byte[] {42});
        assertThat(original.size()).isEqualTo(12);
        assertThat(original.root()).isEqualTo(Rfc6962.rootHash(originalLeaves));
    }

    @Test
    void copies_of_every_size_continue_like_the_original() {
        List<byte[]> leaves = ReferenceMerkle.leaves(70);
        MerkleFrontier frontier = new MerkleFrontier();
        for (int size = 0; size < 70; size++) {
            MerkleFrontier copy = frontier.copy();
            copy.add(Rfc6962.leafHash(leaves.get(size)));
            assertThat(copy.root()).isEqualTo(Rfc6962.rootHash(leaves.subList(0, size + 1)));
            assertThat(frontier.size()).isEqualTo(size);
            assertThat(frontier.root()).isEqualTo(Rfc6962.rootHash(leaves.subList(0, size)));
            frontier.add(Rfc6962.leafHash(leaves.get(size)));
        }
    }

    @Test
    void restore_from_nodes_gives_the_same_tree_and_continues_alike() {
        List<byte[]> leaves = ReferenceMerkle.leaves(100);
        MerkleFrontier frontier = new MerkleFrontier();
        for (int size = 0; size < 100; size++) {
            MerkleFrontier restored = MerkleFrontier.restore(frontier.size(), frontier.nodes());
            assertThat(restored.size()).isEqualTo(size);
            assertThat(restored.root()).isEqualTo(frontier.root());
            for (int i = size; i < Math.min(size + 9, 100); i++) {
                restored.add(Rfc6962.leafHash(leaves.get(i)));
                assertThat(restored.root()).isEqualTo(Rfc6962.rootHash(leaves.subList(0, i + 1)));
            }
            frontier.add(Rfc6962.leafHash(leaves.get(size)));
        }
    }

    @Test
    void restore_rejects_inconsistent_state() {
        byte[] hash = new byte[32];
        assertThatThrownBy(() -> MerkleFrontier.restore(-1, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleFrontier.restore(3, List.of(hash))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleFrontier.restore(4, List.of(hash, hash)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleFrontier.restore(0, List.of(hash))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleFrontier.restore(1, List.of(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleFrontier.restore(1, null)).isInstanceOf(NullPointerException.class);
        List<byte[]> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> MerkleFrontier.restore(1, withNull)).isInstanceOf(NullPointerException.class);
        assertThat(MerkleFrontier.restore(Long.MAX_VALUE, nCopies(63, hash)).size()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void a_full_tree_refuses_another_leaf() {
        MerkleFrontier full = MerkleFrontier.restore(Long.MAX_VALUE, nCopies(63, new byte[32]));
        assertThatThrownBy(() -> full.add(new byte[32])).isInstanceOf(IllegalStateException.class);
        assertThat(full.size()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void add_rejects_null_and_hashes_of_the_wrong_length() {
        MerkleFrontier frontier = new MerkleFrontier();
        assertThatThrownBy(() -> frontier.add(null)).isInstanceOf(NullPointerException.class);
        for (int length : new int[] {0, 31, 33}) {
            assertThatThrownBy(() -> frontier.add(new byte[length])).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(frontier.size()).isZero();
    }

    @Test
    void state_is_safe_from_changes_to_arrays_passed_in_or_out() {
        byte[] leaf = Rfc6962.leafHash(new byte[] {1});
        byte[] expected = leaf.clone();
        MerkleFrontier frontier = new MerkleFrontier();
        frontier.add(leaf);
        leaf[0] ^= 1;
        frontier.root()[0] ^= 1;
        frontier.nodes().get(0)[0] ^= 1;
        assertThat(frontier.root()).isEqualTo(expected);

        List<byte[]> nodes = frontier.nodes();
        MerkleFrontier restored = MerkleFrontier.restore(1, nodes);
        nodes.get(0)[0] ^= 1;
        assertThat(restored.root()).isEqualTo(expected);
    }

    private static List<byte[]> nCopies(int count, byte[] hash) {
        List<byte[]> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(hash.clone());
        }
        return list;
    }
}
