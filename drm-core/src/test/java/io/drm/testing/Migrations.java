package io.drm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes migration files into a directory for a test. */
public final class Migrations {

    private final Path dir;

    private Migrations(Path dir) {
        this.dir = dir;
    }

    /**
     * Uses a directory (created if missing).
     *
     * @param dir the directory
     * @return the helper
     */
    public static Migrations in(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Migrations(dir);
    }

    /**
     * Writes (or overwrites) a file.
     *
     * @param name the file name, may contain sub-directories
     * @param sql the content
     * @return this helper
     */
    public Migrations add(String name, String sql) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Writes the three standard migrations: a table, a row, a column.
     *
     * @return this helper
     */
    public Migrations standard() {
        return add("V1__create_customer.sql", "CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(100));\n")
                .add("V2__insert_customer.sql", "INSERT INTO customer (id, name) VALUES (1, 'Ada');\n")
                .add("V3__add_email.sql", "ALTER TABLE customer ADD email VARCHAR(200);\n");
    }

    /**
     * Returns the directory.
     *
     * @return the path
     */
    public Path dir() {
        return dir;
    }

    /**
     * Returns the location string for drm and Flyway.
     *
     * @return {@code filesystem:<dir>}
     */
    public String location() {
        return "filesystem:" + dir.toAbsolutePath();
    }
}
