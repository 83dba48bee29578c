package io.drm.internal.sql;

import java.util.Objects;

/**
 * What one statement does to one object; an {@code ALTER TABLE} with several clauses gives
 * several actions.
 *
 * @param kind what is done
 * @param schema the schema as written, {@code null} when the name is not qualified
 * @param table the table (or view, sequence, index, type, other object) name as written:
 *     quoted identifiers unquoted with their exact case, unquoted ones as written; may be null
 * @param column the column, or {@code null}
 * @param detail kind-specific detail (new type, new name, column definition, index or constraint
 *     name, object kind); may be null
 * @param hasWhere for {@code UPDATE} and {@code DELETE}: a top-level {@code WHERE} is present
 * @param concurrently {@code CONCURRENTLY} was given
 * @param ifExists {@code IF EXISTS} or {@code IF NOT EXISTS} was given for this object
 * @param clause for an action of an {@code ALTER TABLE} clause: the clause's text as written (for
 *     example {@code ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES b (id) NOT VALID}); {@code null} otherwise
 */
public record SqlAction(
        ActionKind kind,
        String schema,
        String table,
        String column,
        String detail,
        boolean hasWhere,
        boolean concurrently,
        boolean ifExists,
        String clause) {
    /** Validates the components. */
    public SqlAction {
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * An action that is not from an {@code ALTER TABLE} clause.
     *
     * @param kind what is done
     * @param schema the schema, or {@code null}
     * @param table the object name, or {@code null}
     * @param column the column, or {@code null}
     * @param detail kind-specific detail, or {@code null}
     * @param hasWhere a top-level {@code WHERE} is present
     * @param concurrently {@code CONCURRENTLY} was given
     * @param ifExists {@code IF [NOT] EXISTS} was given
     */
    public SqlAction(ActionKind kind, String schema, String table, String column, String detail, boolean hasWhere,
            boolean concurrently, boolean ifExists) {
        this(kind, schema, table, column, detail, hasWhere, concurrently, ifExists, null);
    }
}
