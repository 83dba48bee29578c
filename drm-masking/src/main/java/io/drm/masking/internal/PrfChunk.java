package io.drm.masking.internal;

import java.util.Arrays;

/**
 * The chunk of a column masker built on {@link KeyedPrf}: keeps up to
 * {@value KeyedPrf#BATCH_SIZE} values in the thread's {@link KeyedPrf.Batch}, computes their tags
 * (and, when asked, block 1 of their streams) together on flush, and has each rendered.
 */
abstract class PrfChunk implements ColumnWalk.Chunk {

    private final KeyedPrf.Batch batch;
    private final boolean stream;
    private final Object[][] rows;
    private final int cell;
    private final int[] slots = new int[KeyedPrf.BATCH_SIZE];
    private final String[] keys = new String[KeyedPrf.BATCH_SIZE];

    /**
     * @param prf the masker's function
     * @param stream whether {@link #render} needs block 1 of each stream
     * @param rows the rows
     * @param cell the column's index in each row
     */
    PrfChunk(KeyedPrf prf, boolean stream, Object[][] rows, int cell) {
        this.batch = prf.batch();
        this.stream = stream;
        this.rows = rows;
        this.cell = cell;
    }

    /**
     * The text a value is masked by, or {@code null} when its result needs no tag (an empty
     * string, which the caller then writes into the row as {@link #masked}).
     *
     * @param value the non-null value
     * @return its text, checked, or {@code null}
     * @throws IllegalArgumentException if the value cannot be masked
     */
    protected abstract String key(Object value);

    /**
     * @param value the value {@link #key} gave {@code null} for
     * @return what the row gets
     */
    protected abstract Object masked(Object value);

    /**
     * Adds a key to the batch as the masker tags it.
     *
     * @param batch the batch
     * @param key the key
     * @return its slot
     */
    protected abstract int add(KeyedPrf.Batch batch, String key);

    /**
     * @param key the key
     * @param results the batch's results
     * @param at where the key's tag starts in them (block 1 of its stream follows)
     * @return what the row gets
     */
    protected abstract Object render(String key, byte[] results, int at);

    @Override
    public final boolean add(int row, Object value) {
        String key = key(value);
        if (key == null) {
            rows[row][cell] = masked(value);
            return false;
        }
        keys[batch.size()] = key;
        slots[add(batch, key)] = row;
        return true;
    }

    @Override
    public final boolean full() {
        return batch.full();
    }

    @Override
    public final void flush() {
        int k = batch.size();
        if (k > 0) {
            byte[] results = batch.compute(stream);
            for (int j = 0; j < k; j++) {
                rows[slots[j]][cell] = render(keys[j], results, 2 * KeyedPrf.BLOCK * j);
            }
        }
        clear();
    }

    @Override
    public final void clear() {
        Arrays.fill(keys, 0, batch.size(), null);
        batch.clear();
    }
}
