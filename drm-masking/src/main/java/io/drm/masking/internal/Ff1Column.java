package io.drm.masking.internal;

import java.util.Arrays;

/**
 * One thread's buffers for masking a column with FF1 in chunks of {@value Ff1State#BATCH} values
 * ({@link ColumnMasker}): each value's text, its row, and where its numerals start and how many
 * FF1 encrypts. Shared by the FF1 maskers of a thread, which use it one at a time.
 */
final class Ff1Column {

    /** Values per chunk. */
    static final int CHUNK = Ff1State.BATCH;

    private static final ThreadLocal<Ff1Column> CURRENT = ThreadLocal.withInitial(Ff1Column::new);
    /** Most numerals kept between chunks. */
    private static final int MAX_KEPT = 1 << 16;

    final String[] texts = new String[CHUNK];
    final int[] rows = new int[CHUNK];
    final int[] offsets = new int[CHUNK];
    final int[] lengths = new int[CHUNK];
    private int[] numerals = new int[CHUNK * 24];

    private Ff1Column() {
    }

    /** @return this thread's buffers */
    static Ff1Column get() {
        return CURRENT.get();
    }

    /**
     * @param used how many numerals the chunk holds so far, kept
     * @param more how many more it needs
     * @return the chunk's numerals, with room for {@code more} after {@code used}
     */
    int[] numerals(int used, int more) {
        int needed = Math.addExact(used, more);
        if (numerals.length < needed) {
            numerals = Arrays.copyOf(numerals, Math.max(needed, numerals.length * 2));
        }
        return numerals;
    }

    /** Ends a chunk of {@code k} values: drops their texts, and the numerals if a long value grew them. */
    void clear(int k) {
        Arrays.fill(texts, 0, k, null);
        if (numerals.length > MAX_KEPT) {
            numerals = new int[CHUNK * 24];
        }
    }
}
