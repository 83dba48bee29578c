package io.drm.audit;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Published RFC 6962 test vectors: the reference tree of eight leaves that the Certificate
 * Transparency, Trillian and transparency-dev Merkle test suites share. Only the values are taken
 * from those projects; leaf positions are 0-based here where a source numbers leaves from 1.
 *
 * <ul>
 *   <li>Leaf inputs, node hashes, roots and compact trees: transparency-dev/merkle,
 *       {@code testonly/constants.go} (the same values are in google/trillian,
 *       {@code merkle/testonly/constants.go}).
 *   <li>Inclusion and consistency proofs: transparency-dev/merkle, {@code proof/verify_test.go}
 *       ({@code inclusionProofs}, {@code consistencyProofs}); all but the 6-to-7 consistency proof
 *       are also {@code kSHA256Paths} and {@code kSHA256Proofs} of google/certificate-transparency,
 *       {@code cpp/merkletree/merkle_tree_test.cc}.
 *   <li>Which nodes make up a proof: transparency-dev/merkle, {@code proof/proof_test.go}
 *       ({@code TestInclusion}, {@code TestConsistency}), for the cases in trees of at most eight
 *       leaves that need no re-hashing; the nodes are named by level and index and mapped to the
 *       node hashes above.
 * </ul>
 */
final class PublishedVectors {

    /** SHA-256 of nothing, the root of the empty tree. */
    static final String EMPTY_ROOT = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** The eight leaf inputs, hex. */
    static final List<String> LEAF_INPUTS = List.of(
            "",
            "00",
            "10",
            "2021",
            "3031",
            "40414243",
            "5051525354555657",
            "606162636465666768696a6b6c6d6e6f");

    /** Hashes of the complete subtrees: [level][index], level 0 being the leaf hashes. */
    static final String[][] NODE_HASHES = {
        {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
        },
        {
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        },
        {
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        },
        {
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
        },
    };

    /** Roots of the trees of the first 0, 1, ..., 8 leaves. */
    static final List<String> ROOTS = List.of(
            EMPTY_ROOT,
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    /** A position in the reference tree: level 0 holds the leaves. */
    record Node(int level, int index) {
        String hash() {
            return NODE_HASHES[level][index];
        }
    }

    /** The frontier (compact range) of the trees of the first 0, 1, ..., 8 leaves, largest subtree first. */
    static final List<List<Node>> COMPACT_TREES = List.of(
            List.of(),
            List.of(node(0, 0)),
            List.of(node(1, 0)),
            List.of(node(1, 0), node(0, 2)),
            List.of(node(2, 0)),
            List.of(node(2, 0), node(0, 4)),
            List.of(node(2, 0), node(1, 2)),
            List.of(node(2, 0), node(1, 2), node(0, 6)),
            List.of(node(3, 0)));

    /** An inclusion proof of the leaf at {@code index} in the tree of the first {@code size} leaves. */
    record Inclusion(long index, long size, List<String> proof) {
    }

    /** A consistency proof from the tree of the first {@code oldSize} leaves to the first {@code newSize}. */
    record Consistency(long oldSize, long newSize, List<String> proof) {
    }

    /** From proof/verify_test.go and merkle_tree_test.cc, leaf numbers 1, 1, 6, 3, 2 made 0-based. */
    static final List<Inclusion> INCLUSION_PROOFS = List.of(
            new Inclusion(0, 1, List.of()),
            new Inclusion(0, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Inclusion(5, 8, List.of(
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Inclusion(2, 3, List.of(
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
            new Inclusion(1, 5, List.of(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")));

    /** From proof/verify_test.go (the first four also in merkle_tree_test.cc). */
    static final List<Consistency> CONSISTENCY_PROOFS = List.of(
            new Consistency(1, 1, List.of()),
            new Consistency(1, 8, List.of(
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
            new Consistency(6, 8, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
            new Consistency(2, 5, List.of(
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
            new Consistency(6, 7, List.of(
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")));

    /** From proof/proof_test.go TestInclusion: (index, size) and the nodes of the proof. */
    static final List<Inclusion> INCLUSION_NODES = List.of(
            inclusion(0, 1),
            inclusion(0, 2, node(0, 1)),
            inclusion(1, 2, node(0, 0)),
            inclusion(1, 3, node(0, 0), node(0, 2)),
            inclusion(4, 7, node(0, 5), node(0, 6), node(2, 0)),
            inclusion(5, 7, node(0, 4), node(0, 6), node(2, 0)),
            inclusion(6, 7, node(1, 2), node(2, 0)),
            inclusion(2, 4, node(0, 3), node(1, 0)),
            inclusion(3, 5, node(0, 2), node(1, 0), node(0, 4)),
            inclusion(3, 6, node(0, 2), node(1, 0), node(1, 2)),
            inclusion(4, 6, node(0, 5), node(2, 0)));

    /** From proof/proof_test.go TestConsistency: (old size, new size) and the nodes of the proof. */
    static final List<Consistency> CONSISTENCY_NODES = List.of(
            consistency(1, 2, node(0, 1)),
            consistency(1, 4, node(0, 1), node(1, 1)),
            consistency(1, 6, node(0, 1), node(1, 1), node(1, 2)),
            consistency(2, 3, node(0, 2)),
            consistency(2, 8, node(1, 1), node(2, 1)),
            consistency(5, 7, node(0, 4), node(0, 5), node(0, 6), node(2, 0)),
            consistency(6, 7, node(1, 2), node(0, 6), node(2, 0)),
            consistency(7, 8, node(0, 6), node(0, 7), node(1, 2), node(2, 0)),
            consistency(1, 1),
            consistency(2, 2),
            consistency(3, 3),
            consistency(4, 4),
            consistency(5, 5),
            consistency(7, 7),
            consistency(8, 8),
            consistency(2, 4, node(1, 1)),
            consistency(3, 5, node(0, 2), node(0, 3), node(1, 0), node(0, 4)),
            consistency(3, 6, node(0, 2), node(0, 3), node(1, 0), node(1, 2)),
            consistency(4, 6, node(1, 2)));

    private PublishedVectors() {
    }

    /** The first {@code size} leaf inputs as bytes. */
    static List<byte[]> leaves(long size) {
        List<byte[]> leaves = new ArrayList<>();
        for (String hex : LEAF_INPUTS.subList(0, (int) size)) {
            leaves.add(bytes(hex));
        }
        return leaves;
    }

    /** The published root of the tree of the first {@code size} leaves. */
    static byte[] root(long size) {
        return bytes(ROOTS.get((int) size));
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static List<byte[]> bytes(List<String> hexes) {
        List<byte[]> list = new ArrayList<>();
        for (String hex : hexes) {
            list.add(bytes(hex));
        }
        return list;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static List<String> hex(List<byte[]> list) {
        List<String> hexes = new ArrayList<>();
        for (byte[] bytes : list) {
            hexes.add(hex(bytes));
        }
        return hexes;
    }

    private static Node node(int level, int index) {
        return new Node(level, index);
    }

    private static Inclusion inclusion(long index, long size, Node... nodes) {
        return new Inclusion(index, size, hashes(nodes));
    }

    private static Consistency consistency(long oldSize, long newSize, Node... nodes) {
        return new Consistency(oldSize, newSize, hashes(nodes));
    }

    private static List<String> hashes(Node... nodes) {
        List<String> hashes = new ArrayList<>();
        for (Node node : nodes) {
            hashes.add(node.hash());
        }
        return List.copyOf(hashes);
    }
}
