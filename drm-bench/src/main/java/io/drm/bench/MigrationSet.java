package io.drm.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A directory of generated SQL migrations that run on H2 and PostgreSQL alike: every tenth step
 * creates a table, the others insert a row into or add a column to the latest table. Closing it
 * deletes the directory.
 */
final class MigrationSet implements AutoCloseable {

    private final Path dir;
    private final int count;

    private MigrationSet(Path dir, int count) {
        this.dir = dir;
        this.count = count;
    }

    /**
     * Writes {@code count} migrations {@code V<i>__step_<i>.sql} into a new temporary directory.
     *
     * @param count how many migrations
     * @return the set
     */
    static MigrationSet generate(int count) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("drm-bench-" + count + "-");
            for (int i = 1; i <= count; i++) {
                Files.writeString(dir.resolve("V" + i + "__step_" + i + ".sql"), statement(i), StandardCharsets.UTF_8);
            }
            return new MigrationSet(dir, count);
        } catch (IOException e) {
            if (dir != null) {
                delete(dir);
            }
            throw new UncheckedIOException("cannot write the migrations", e);
        }
    }

    /** The SQL of step {@code i}. */
    private static String statement(int i) {
        if (i % 10 == 1) {
            return "CREATE TABLE t" + i + " (id INT PRIMARY KEY, name VARCHAR(100));\n";
        }
        int table = i - (i - 1) % 10;
        if (i % 3 == 0) {
            return "ALTER TABLE t" + table + " ADD c" + i + " VARCHAR(20);\n";
        }
        return "INSERT INTO t" + table + " (id, name) VALUES (" + i + ", 'row " + i + "');\n";
    }

    /**
     * Returns the Flyway location of the directory.
     *
     * @return {@code filesystem:<absolute path>}
     */
    String location() {
        return "filesystem:" + dir.toAbsolutePath();
    }

    /**
     * Returns how many migrations the set holds.
     *
     * @return the count
     */
    int count() {
        return count;
    }

    @Override
    public void close() {
        delete(dir);
    }

    private static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("warning: could not delete " + root + ": " + e.getMessage());
        }
    }
}
