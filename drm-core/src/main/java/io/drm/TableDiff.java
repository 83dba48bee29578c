package io.drm;

import io.drm.internal.diff.DiffSetup;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Compares a table in two databases (or two tables of one database) without copying either into
 * memory: checksum bisection over key ranges, with the hashing done inside each database on a
 * canonical text of each row, so H2, PostgreSQL and MariaDB can be compared in any pairing.
 *
 * <pre>{@code
 * DiffReport report = TableDiff.between(production, replica)
 *         .table("customer")
 *         .key("id")
 *         .run();
 * report.changed().forEach(key -> System.out.println("changed: " + key));
 * }</pre>
 *
 * <p>A builder; not thread-safe. {@link #run()} may be called more than once. See
 * docs/drift-and-diff.md for the canonical form, segmentation and tuning.
 */
public final class TableDiff {

    private final DataSource source;
    private final DataSource target;
    private String sourceTable;
    private String targetTable;
    private List<String> keys = List.of();
    private List<String> columns = List.of();
    private int parallelism = 4;
    private int segments = 32;
    private int rowThreshold = 512;

    private TableDiff(DataSource source, DataSource target) {
        this.source = source;
        this.target = target;
    }

    /**
     * Starts a diff of a table in the source database against the target database.
     *
     * @param source the database taken as the reference
     * @param target the database compared with it
     * @return a new builder
     */
    public static TableDiff between(DataSource source, DataSource target) {
        return new TableDiff(Objects.requireNonNull(source, "source"), Objects.requireNonNull(target, "target"));
    }

    /**
     * Starts a diff of two tables of one database; name them with {@link #tables(String, String)}.
     *
     * @param dataSource the database
     * @return a new builder
     */
    public static TableDiff within(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new TableDiff(dataSource, dataSource);
    }

    /**
     * Names the table, the same on both sides.
     *
     * @param name the table, in the connection's current schema
     * @return this builder
     */
    public TableDiff table(String name) {
        return tables(name, name);
    }

    /**
     * Names different source and target tables.
     *
     * @param sourceTable the source table
     * @param targetTable the target table
     * @return this builder
     */
    public TableDiff tables(String sourceTable, String targetTable) {
        this.sourceTable = nonBlank(sourceTable, "sourceTable");
        this.targetTable = nonBlank(targetTable, "targetTable");
        return this;
    }

    /**
     * Names the key columns, which identify a row on both sides; the first one is segmented.
     *
     * @param columns one or more columns
     * @return this builder
     */
    public TableDiff key(String... columns) {
        this.keys = names(columns, "key");
        return this;
    }

    /**
     * Names the columns to compare; by default every non-key column of the source table.
     *
     * @param columns one or more columns
     * @return this builder
     */
    public TableDiff columns(String... columns) {
        this.columns = names(columns, "columns");
        return this;
    }

    /**
     * Sets how many queries run at once (per diff, both sides together).
     *
     * @param threads 1 to 64; default 4
     * @return this builder
     */
    public TableDiff parallelism(int threads) {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("parallelism must be 1..64: " + threads);
        }
        this.parallelism = threads;
        return this;
    }

    /**
     * Sets into how many segments a mismatching segment is split.
     *
     * @param segments 2 to 1024; default 32
     * @return this builder
     */
    public TableDiff segments(int segments) {
        if (segments < 2 || segments > 1024) {
            throw new IllegalArgumentException("segments must be 2..1024: " + segments);
        }
        this.segments = segments;
        return this;
    }

    /**
     * Sets the segment size at or under which rows are compared one by one (keys and row hashes
     * are fetched).
     *
     * @param rows 1 to 1,000,000; default 512
     * @return this builder
     */
    public TableDiff rowThreshold(int rows) {
        if (rows < 1 || rows > 1_000_000) {
            throw new IllegalArgumentException("rowThreshold must be 1..1000000: " + rows);
        }
        this.rowThreshold = rows;
        return this;
    }

    /**
     * Runs the diff.
     *
     * @return the report
     * @throws DiffInputException before any work when a table or column is missing, no key was
     *     given, or a key column's type differs between the sides
     * @throws DiffFailedException when a database fails during the diff
     */
    public DiffReport run() {
        if (sourceTable == null) {
            throw new IllegalStateException("no table: call table(name) or tables(source, target)");
        }
        return DiffSetup.run(source, target, sourceTable, targetTable, keys, columns, parallelism, segments,
                rowThreshold);
    }

    private static List<String> names(String[] names, String what) {
        Objects.requireNonNull(names, what);
        for (String n : names) {
            nonBlank(n, what);
        }
        return List.of(names);
    }

    private static String nonBlank(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
