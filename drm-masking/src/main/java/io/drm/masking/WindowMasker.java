package io.drm.masking;

import java.util.List;

/**
 * A masker that works on a column rather than on one value: it permutes the values of a window
 * of rows (shuffle within a column). Masking jobs hand it the values of one batch of rows, in key
 * order, and write back what it returns; {@link #mask(Object)} alone is refused.
 */
public interface WindowMasker extends TypedMasker {

    /**
     * @param values the column's values for a window of rows, in key order (may contain nulls)
     * @param windowIndex the window's number within the job (0, 1, ...), so windows permute differently
     * @return the masked values, one for each input, in the same row order
     */
    List<Object> maskWindow(List<Object> values, long windowIndex);

    /** @throws UnsupportedOperationException always: a window masker needs a window of rows */
    @Override
    default Object mask(Object value) {
        throw new UnsupportedOperationException(name() + " masks a window of rows, not a single value");
    }
}
