package io.drm.masking.internal;

/**
 * Walks the non-null cells of one column of a batch of rows for a {@link ColumnMasker}: each value
 * goes to a {@link Chunk}, which masks it at once or keeps it, and is flushed whenever it is full
 * and at the end.
 */
final class ColumnWalk {

    /** The values a column masker gathers to mask together. */
    interface Chunk {
        /**
         * Takes the value of a row: masks it at once into the row (an empty string, say) or keeps
         * it for the next flush.
         *
         * @param row the row's index
         * @param value its non-null value
         * @return whether it was kept
         * @throws IllegalArgumentException if the value cannot be masked
         */
        boolean add(int row, Object value);

        /** @return whether the chunk can keep no more values */
        boolean full();

        /** Masks the values kept into their rows and empties the chunk. */
        void flush();

        /** Empties the chunk without masking, after a failure. */
        void clear();
    }

    private ColumnWalk() {
    }

    /**
     * @param rows the rows
     * @param cell the column's index in each row
     * @param size how many rows are used
     * @param chunk where the values go
     * @return how many non-null values there were
     */
    static long walk(Object[][] rows, int cell, int size, Chunk chunk) {
        long nonNull = 0;
        boolean done = false;
        try {
            for (int r = 0; r < size; r++) {
                Object value = rows[r][cell];
                if (value == null) {
                    continue;
                }
                nonNull++;
                if (chunk.add(r, value) && chunk.full()) {
                    chunk.flush();
                }
            }
            chunk.flush();
            done = true;
        } finally {
            if (!done) {
                chunk.clear(); // the caller discards the half-masked batch
            }
        }
        return nonNull;
    }
}
