package io.drm.masking;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a masking job did, table by table, in the order the tables were finished.
 *
 * @param tables one report per table of the job
 * @param duration how long the run took
 */
public record MaskingReport(List<TableReport> tables, Duration duration) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if an argument or a table report is null
     */
    public MaskingReport {
        tables = List.copyOf(tables);
        Objects.requireNonNull(duration, "duration");
    }

    /** @return the rows of all tables this run masked or copied */
    public long rows() {
        return tables.stream().mapToLong(TableReport::rows).sum();
    }

    /**
     * @param table a table name, any case
     * @return that table's report
     * @throws IllegalArgumentException if the job had no such table
     */
    public TableReport table(String table) {
        return tables.stream().filter(t -> t.table().equalsIgnoreCase(table)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the report has no table " + table));
    }
}
