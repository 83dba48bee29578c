package io.drm.audit;

import java.util.Arrays;
import java.util.List;

/** Value comparison of proof paths (lists of hashes). */
final class ProofPaths {

    private ProofPaths() {
    }

    static boolean equal(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static int hash(List<byte[]> path) {
        int h = 1;
        for (byte[] b : path) {
            h = 31 * h + Arrays.hashCode(b);
        }
        return h;
    }
}
