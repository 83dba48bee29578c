package io.drm.masking.internal;

import io.drm.masking.WindowMasker;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@code shuffle}: permutes the non-null values of a window among the window's non-null rows;
 * nulls stay where they are. The permutation is a keyed cyclic one (Sattolo's algorithm), so with
 * two or more non-null values no row keeps its own value (though it may get an equal one); it
 * depends on the key, the window's number and its count of non-null values, so the same window
 * shuffles the same way every run. The column's values, and so its uniqueness, are kept.
 */
public final class ShuffleMasker implements WindowMasker {

    private final KeyedHash hash;

    /**
     * @param key the masking key, at least 16 bytes; not kept
     * @throws IllegalArgumentException if the key is too short
     */
    public ShuffleMasker(byte[] key) {
        this.hash = new KeyedHash(MaskerKeys.subkey(key, "shuffle"));
    }

    @Override
    public String name() {
        return "shuffle";
    }

    @Override
    public boolean supports(JDBCType type) {
        return type != null;
    }

    @Override
    public boolean preservesUniqueness() {
        return true;
    }

    @Override
    public List<Object> maskWindow(List<Object> values, long windowIndex) {
        Objects.requireNonNull(values, "values");
        int size = values.size();
        int[] rows = new int[size];
        int m = 0;
        for (int i = 0; i < size; i++) {
            if (values.get(i) != null) {
                rows[m++] = i;
            }
        }
        List<Object> out = new ArrayList<>(values);
        if (m < 2) {
            return Collections.unmodifiableList(out);
        }
        int[] perm = new int[m];
        for (int i = 0; i < m; i++) {
            perm[i] = i;
        }
        byte[] seed = new byte[12];
        for (int i = 0; i < 8; i++) {
            seed[i] = (byte) (windowIndex >>> (56 - 8 * i));
        }
        for (int i = 0; i < 4; i++) {
            seed[8 + i] = (byte) (m >>> (24 - 8 * i));
        }
        byte[] digest = hash.hash(seed, 0, seed.length);
        int pos = 0;
        int counter = 1;
        // Sattolo: j is drawn below i, never equal, which yields a single cycle through all m values.
        for (int i = m - 1; i > 0; i--) {
            if (pos == Hkdf.HASH_LENGTH) {
                digest = hash.next(digest, counter++);
                pos = 0;
            }
            int j = KeyedHash.below(KeyedHash.long64(digest, pos), i);
            pos += 8;
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        for (int i = 0; i < m; i++) {
            out.set(rows[i], values.get(rows[perm[i]]));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public String toString() {
        return "Maskers.shuffle";
    }
}
