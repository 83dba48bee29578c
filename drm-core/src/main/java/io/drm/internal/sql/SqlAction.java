package io.drm.internal.sql;

/**
 * What one statement does to one object.
 *
 * @param kind the kind
 * @param schema the schema, or {@code null} when not qualified
 * @param table the table (or view, sequence, index owner)
 * @param column the column, or {@code null}
 * @param detail kind-specific detail (index name, new type, ...)
 * @param hasWhere whether a DML statement has a WHERE clause
 * @param concurrently whether CONCURRENTLY was given
 * @param ifExists whether IF EXISTS was given
 */
public record SqlAction(ActionKind kind, String schema, String table, String column, String detail, boolean hasWhere,
        boolean concurrently, boolean ifExists) {
}
