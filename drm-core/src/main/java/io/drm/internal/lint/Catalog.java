package io.drm.internal.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The objects of the live database that depend on the tables a release drops, renames or retypes:
 * views, foreign keys referencing them, and indexes on their columns. Immutable.
 */
public final class Catalog {

    private final String currentSchema;
    private final List<Dependency> dependencies;
    private final java.util.Map<String, List<Dependency>> byTable = new java.util.HashMap<>();

    /**
     * Creates a catalog.
     *
     * @param currentSchema the connection's schema (PostgreSQL, H2) or database (MariaDB), the one an
     *     unqualified name means; may be null
     * @param dependencies the dependencies
     */
    public Catalog(String currentSchema, List<Dependency> dependencies) {
        this.currentSchema = currentSchema;
        this.dependencies = List.copyOf(dependencies);
        for (Dependency d : this.dependencies) {
            byTable.computeIfAbsent(ReleaseObjects.key(d.table()), k -> new ArrayList<>()).add(d);
        }
    }

    /**
     * Returns the schema an unqualified name means.
     *
     * @return the schema, or {@code null}
     */
    public String currentSchema() {
        return currentSchema;
    }

    /**
     * Returns every dependency.
     *
     * @return the dependencies, in catalog order
     */
    public List<Dependency> dependencies() {
        return dependencies;
    }

    /** What kind of object depends. */
    public enum Kind {
        /** A view or materialized view. */
        VIEW,
        /** A foreign key of another (or the same) table referencing the table or column. */
        FOREIGN_KEY,
        /** An index on the column. */
        INDEX
    }

    /**
     * One object that depends on a table or one of its columns.
     *
     * @param kind the kind of object
     * @param name the view, constraint or index name
     * @param ownerTable the table the constraint or index belongs to ({@code null} for a view)
     * @param schema the schema of the table depended on
     * @param table the table depended on
     * @param column the column depended on, or {@code null} when the dependency is on the table
     */
    public record Dependency(Kind kind, String name, String ownerTable, String schema, String table, String column) {
        /** Validates. */
        public Dependency {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(table, "table");
        }
    }

    /**
     * Returns the dependencies on a table, or on one of its columns.
     *
     * @param schema the schema as written, or {@code null} for the current one
     * @param table the table
     * @param column the column, or {@code null} for any dependency on the table
     * @return the matching dependencies, in catalog order, each object once
     */
    public List<Dependency> on(String schema, String table, String column) {
        List<Dependency> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String s = schema != null ? schema : currentSchema;
        for (Dependency d : byTable.getOrDefault(ReleaseObjects.key(table), List.of())) {
            if (s != null && d.schema() != null && !d.schema().equalsIgnoreCase(s)) {
                continue;
            }
            if (column != null && (d.column() == null || !d.column().equalsIgnoreCase(column))) {
                continue;
            }
            if (seen.add(d.kind() + "|" + d.name() + "|" + d.ownerTable())) {
                out.add(d);
            }
        }
        return out;
    }
}
