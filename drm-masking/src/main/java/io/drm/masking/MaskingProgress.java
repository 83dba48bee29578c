package io.drm.masking;

import java.util.Objects;

/**
 * The progress of a masking job on one table.
 *
 * @param table the table, as the database stores its name
 * @param rowsDone rows done so far in this table; in place this includes the rows an earlier,
 *     interrupted run of the same job committed, so that {@code rowsDone / rowsTotal} is the
 *     table's completion
 * @param rowsTotal the table's rows when the job started it, or {@code -1} if unknown
 * @param rowsPerSecond the rate of this run on this table so far
 */
public record MaskingProgress(String table, long rowsDone, long rowsTotal, double rowsPerSecond) {

    /**
     * Validates.
     *
     * @throws NullPointerException if {@code table} is null
     * @throws IllegalArgumentException if {@code rowsDone} is negative or {@code rowsTotal} below -1
     */
    public MaskingProgress {
        Objects.requireNonNull(table, "table");
        if (rowsDone < 0 || rowsTotal < -1) {
            throw new IllegalArgumentException("rowsDone must not be negative and rowsTotal not below -1");
        }
    }
}
