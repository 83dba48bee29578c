package io.drm.masking;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a masking job did to one table.
 *
 * @param table the table, as the database stores its name
 * @param rows the rows this run masked (in place) or copied (masked copy); rows an earlier run of
 *     the same in-place job committed are not counted again
 * @param maskedValuesByColumn per masked column (as the database stores its name), the non-null
 *     values this run masked; nulls stay null and are not counted. In column order.
 * @param resumed whether an earlier run of the same in-place job had started (or finished) the
 *     table, so this run continued from the last key it committed; always false for a masked copy
 */
public record TableReport(String table, long rows, Map<String, Long> maskedValuesByColumn, boolean resumed) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if {@code table} or the map (or one of its keys or values) is null
     * @throws IllegalArgumentException if {@code rows} is negative
     */
    public TableReport {
        Objects.requireNonNull(table, "table");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative: " + rows);
        }
        Map<String, Long> copy = new LinkedHashMap<>();
        Objects.requireNonNull(maskedValuesByColumn, "maskedValuesByColumn").forEach((column, count) ->
                copy.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(count, "count")));
        maskedValuesByColumn = Collections.unmodifiableMap(copy);
    }

    /** @return the masked values over all columns */
    public long maskedValues() {
        return maskedValuesByColumn.values().stream().mapToLong(Long::longValue).sum();
    }
}
