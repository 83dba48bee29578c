package io.drm.masking.internal;

import io.drm.masking.MaskingJobException;
import io.drm.masking.TypedMasker;
import io.drm.masking.WindowMasker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks the ruled columns of a batch of rows in place and counts the non-null values it masked
 * per column. Rows are {@code Object[]} whose cells from {@code offset} on are the table's
 * {@link BoundTable#columns()}. {@link WindowMasker} columns get the whole batch's values at once,
 * and so do {@link ColumnMasker}s.
 * One instance per table, used by one thread at a time.
 */
public final class RowMasker {

    private final BoundTable table;
    private final int offset;
    private final int[] masked;
    private final long[] counts;

    /**
     * @param table the table
     * @param offset where the table's columns start in each row
     */
    public RowMasker(BoundTable table, int offset) {
        this.table = table;
        this.offset = offset;
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.masker(i) != null) {
                indexes.add(i);
            }
        }
        this.masked = indexes.stream().mapToInt(Integer::intValue).toArray();
        this.counts = new long[table.columns().size()];
    }

    /**
     * Masks rows {@code 0 .. size-1} of a batch.
     *
     * @param rows the batch
     * @param size how many rows of it are used
     * @param windowIndex the batch's number within the table (for window maskers)
     * @return the non-null values masked in this batch, by column index (zero for unmasked columns)
     * @throws MaskingJobException if a masker fails; the message names the masker and column, never a value
     */
    public long[] mask(Object[][] rows, int size, long windowIndex) {
        long[] before = counts.clone();
        for (int m : masked) {
            TypedMasker masker = table.masker(m);
            int cell = offset + m;
            try {
                if (masker instanceof WindowMasker) {
                    maskWindow((WindowMasker) masker, rows, size, cell, windowIndex, m);
                } else if (masker instanceof ColumnMasker) {
                    counts[m] += ((ColumnMasker) masker).maskColumn(rows, cell, size);
                } else {
                    long n = 0;
                    for (int r = 0; r < size; r++) {
                        Object value = rows[r][cell];
                        if (value != null) {
                            rows[r][cell] = masker.mask(value);
                            n++;
                        }
                    }
                    counts[m] += n;
                }
            } catch (MaskingJobException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new MaskingJobException("the masker " + masker.name() + " failed on column " + table.name() + "."
                        + table.columns().get(m).name() + ": " + Failures.describe(e), e);
            }
        }
        long[] batch = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            batch[i] = counts[i] - before[i];
        }
        return batch;
    }

    private void maskWindow(WindowMasker masker, Object[][] rows, int size, int cell, long windowIndex, int m) {
        List<Object> values = new ArrayList<>(size);
        long n = 0;
        for (int r = 0; r < size; r++) {
            values.add(rows[r][cell]);
            if (rows[r][cell] != null) {
                n++;
            }
        }
        List<Object> out = masker.maskWindow(Collections.unmodifiableList(values), windowIndex);
        if (out == null || out.size() != size) {
            throw new MaskingJobException("the window masker " + masker.name() + " returned "
                    + (out == null ? "null" : out.size() + " values") + " for " + size + " rows of column "
                    + table.name() + "." + table.columns().get(m).name() + "; it must return one value per row");
        }
        for (int r = 0; r < size; r++) {
            rows[r][cell] = out.get(r);
        }
        counts[m] += n;
    }

    /** @return the masked values so far per masked column, in column order */
    public Map<String, Long> counts() {
        return counts(counts);
    }

    /**
     * @param byColumn counts by column index, as {@link #mask} returns them (or sums of them)
     * @return the counts of the masked columns by name, in column order
     */
    public Map<String, Long> counts(long[] byColumn) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int m : masked) {
            out.put(table.columns().get(m).name(), byColumn[m]);
        }
        return out;
    }
}
