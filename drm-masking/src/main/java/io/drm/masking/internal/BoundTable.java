package io.drm.masking.internal;

import io.drm.masking.TypedMasker;
import io.drm.masking.WindowMasker;
import io.drm.masking.internal.SchemaReader.ColumnInfo;
import io.drm.masking.internal.SchemaReader.TableInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One table of a masking job, checked against the database: the columns the job reads and writes
 * (names as the database stores them), the masker of each (or none), and the primary key.
 */
public final class BoundTable {

    private final TableInfo table;
    private final String targetName;
    private final List<ColumnInfo> columns;
    private final List<String> targetColumns;
    private final List<TypedMasker> maskers;
    private final List<ColumnInfo> key;
    private final boolean targetReferencesItself;

    BoundTable(TableInfo table, String targetName, List<ColumnInfo> columns, List<String> targetColumns,
            List<TypedMasker> maskers, List<ColumnInfo> key, boolean targetReferencesItself) {
        if (columns.size() != maskers.size() || columns.size() != targetColumns.size()) {
            throw new IllegalArgumentException("columns, target columns and maskers differ in size");
        }
        this.table = table;
        this.targetName = targetName;
        this.columns = List.copyOf(columns);
        this.targetColumns = List.copyOf(targetColumns);
        this.maskers = Collections.unmodifiableList(new ArrayList<>(maskers));
        this.key = List.copyOf(key);
        this.targetReferencesItself = targetReferencesItself;
    }

    /** @return whether the target table has a foreign key to itself, which a copy must respect */
    public boolean targetReferencesItself() {
        return targetReferencesItself;
    }

    /** @return the table's name as the (source) database stores it */
    public String name() {
        return table.name();
    }

    /** @return the table as read from the (source) database */
    public TableInfo info() {
        return table;
    }

    /** @return the table's name in the target database (the same as {@link #name()} in place) */
    public String targetName() {
        return targetName;
    }

    /** @return the columns read and written, in order (in place: the masked columns only) */
    public List<ColumnInfo> columns() {
        return columns;
    }

    /** @return the target's names of {@link #columns()}, in the same order */
    public List<String> targetColumns() {
        return targetColumns;
    }

    /**
     * @param index an index into {@link #columns()}
     * @return that column's masker, or {@code null} when it is copied as it is
     */
    public TypedMasker masker(int index) {
        return maskers.get(index);
    }

    /** @return the primary key columns in key order (empty when the table has none) */
    public List<ColumnInfo> key() {
        return key;
    }

    /**
     * @return the lower-cased names of this table and its columns, source and target: what an
     *     error message may quote without quoting a value
     */
    public Set<String> identifiers() {
        Set<String> out = new HashSet<>();
        out.add(table.name().toLowerCase(Locale.ROOT));
        out.add(targetName.toLowerCase(Locale.ROOT));
        table.columns().forEach(c -> out.add(c.name().toLowerCase(Locale.ROOT)));
        targetColumns.forEach(c -> out.add(c.toLowerCase(Locale.ROOT)));
        return out;
    }

    /** @return whether any column is masked */
    public boolean masked() {
        return maskers.stream().anyMatch(m -> m != null);
    }

    /** @return whether any column has a {@link WindowMasker}, which needs rows in key order */
    public boolean windowed() {
        return maskers.stream().anyMatch(m -> m instanceof WindowMasker);
    }
}
