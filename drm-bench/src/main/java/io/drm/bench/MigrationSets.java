package io.drm.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Generates each size of migration set once, on first use, and deletes them all on close, so
 * scenarios over the same number of migrations share one directory.
 */
final class MigrationSets implements AutoCloseable {

    private final Map<Integer, MigrationSet> sets = new TreeMap<>();

    /**
     * Returns a supplier of the set of the given size, generated when first asked for.
     *
     * @param count how many migrations
     * @return the supplier
     */
    Supplier<MigrationSet> of(int count) {
        return () -> sets.computeIfAbsent(count, MigrationSet::generate);
    }

    @Override
    public void close() {
        sets.values().forEach(MigrationSet::close);
        sets.clear();
    }
}
