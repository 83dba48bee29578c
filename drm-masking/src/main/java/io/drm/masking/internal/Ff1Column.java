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

    private static final byte[] NO_TWEAK = new byte[0];
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

    /**
     * The chunk of an FF1 column masker: keeps up to {@value #CHUNK} values with their numerals in
     * this thread's {@link Ff1Column}, encrypts them together on flush, and has each rendered.
     */
    abstract static class Chunk implements ColumnWalk.Chunk {
        private final Ff1Cipher ff1;
        private final String masker;
        private final int trailing;
        private final Ff1Column col = get();
        private final Object[][] rows;
        private final int cell;
        private int k;
        private int used;

        /**
         * @param ff1 the masker's cipher
         * @param masker the masker's name, for messages
         * @param trailing how many of a value's numerals, at its end, FF1 leaves alone (a card's
         *     check digit)
         * @param rows the rows
         * @param cell the column's index in each row
         */
        Chunk(Ff1Cipher ff1, String masker, int trailing, Object[][] rows, int cell) {
            this.ff1 = ff1;
            this.masker = masker;
            this.trailing = trailing;
            this.rows = rows;
            this.cell = cell;
        }

        /**
         * Writes a value's numerals, checking the value.
         *
         * @param text the value, not empty
         * @param x where they go, with room for {@code text.length()} from {@code at}
         * @param at where they start
         * @return how many were written
         * @throws IllegalArgumentException if the value cannot be masked
         */
        protected abstract int numerals(String text, int[] x, int at);

        /** The empty string stays as it is; any other value is kept with its numerals. */
        @Override
        public final boolean add(int row, Object value) {
            String text = Values.text(masker, value);
            if (text.isEmpty()) {
                rows[row][cell] = text;
                return false;
            }
            int n = numerals(text, col.numerals(used, text.length()), used);
            col.texts[k] = text;
            col.rows[k] = row;
            col.offsets[k] = used;
            col.lengths[k] = n - trailing;
            used += n;
            k++;
            return true;
        }

        /** @return the text of value {@code j} */
        final String text(int j) {
            return col.texts[j];
        }

        /**
         * The masked string of value {@code j} of the chunk, its numerals encrypted.
         *
         * @param j the value
         * @param x the numerals
         * @param at where its numerals start
         * @param count how many FF1 encrypted
         * @return the masked string
         */
        protected abstract String render(int j, int[] x, int at, int count);

        @Override
        public final boolean full() {
            return k == CHUNK;
        }

        @Override
        public final void flush() {
            if (k > 0) {
                int[] x = col.numerals(used, 0);
                ff1.encryptRanges(x, col.offsets, col.lengths, k, NO_TWEAK);
                for (int j = 0; j < k; j++) {
                    rows[col.rows[j]][cell] = render(j, x, col.offsets[j], col.lengths[j]);
                }
            }
            clear();
        }

        @Override
        public final void clear() {
            col.clear(k);
            k = 0;
            used = 0;
        }
    }
}
