package io.drm.masking.internal;

import java.util.Arrays;

/**
 * The chunk of a column masker built on {@link KeyedPrf}: keeps up to
 * {@value KeyedPrf#BATCH_SIZE} values in the thread's {@link KeyedPrf.Batch}, computes their tags
 * (and, when asked, block 1 of their streams) together on flush, and has each rendered.
 */
abstract class PrfChunk implements ColumnWalk.Chunk {

    private final KeyedPrf.Batch batch;
    private final String masker;
    private final boolean lowerCase;
    private final boolean stream;
    private final Object[][] rows;
    private final int cell;
    private final int[] slots = new int[KeyedPrf.BATCH_SIZE];
    private final String[] keys = new String[KeyedPrf.BATCH_SIZE];

    /**
     * @param prf the masker's function
     * @param masker the masker's name, for messages
     * @param lowerCase whether keys are tagged lower-cased ({@link KeyedPrf#prfLowerCase})
     * @param stream whether {@link #render} needs block 1 of each stream
     * @param rows the rows
     * @param cell the column's index in each row
     */
    PrfChunk(KeyedPrf prf, String masker, boolean lowerCase, boolean stream, Object[][] rows, int cell) {
        this.batch = prf.batch();
        this.masker = masker;
        this.lowerCase = lowerCase;
        this.stream = stream;
        this.rows = rows;
        this.cell = cell;
    }

    /**
     * The text a value is masked by, or {@code null} when it is masked as it is (an empty string).
     *
     * @param text the value as a string
     * @return the key, or {@code null}
     * @throws IllegalArgumentException if the value cannot be masked
     */
    protected abstract String key(String text);

    /**
     * @param key the key
     * @param results the batch's results
     * @param at where the key's tag starts in them (block 1 of its stream follows)
     * @return what the row gets
     */
    protected abstract Object render(String key, byte[] results, int at);

    @Override
    public final boolean add(int row, Object value) {
        String text = Values.text(masker, value);
        String key = key(text);
        if (key == null) {
            rows[row][cell] = text;
            return false;
        }
        keys[batch.size()] = key;
        slots[lowerCase ? batch.addLowerCase(key) : batch.add(key)] = row;
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
