package io.drm.internal.sql;

import java.util.Objects;
import java.util.List;

/**
 * A statement with what it does.
 *
 * @param statement the statement
 * @param actions what it does, at least one action
 */
public record ClassifiedStatement(SqlStatement statement, List<SqlAction> actions) {
    /** Validates and copies the components. */
    public ClassifiedStatement {
        Objects.requireNonNull(statement, "statement");
        actions = List.copyOf(actions);
    }

    /**
     * Tells whether any action may destroy data: {@code DROP_TABLE}, {@code DROP_COLUMN},
     * {@code ALTER_COLUMN_TYPE} (possibly narrowing: the caller checks the live type),
     * {@code TRUNCATE}, {@code DELETE} or {@code UPDATE} without a top-level {@code WHERE}.
     *
     * @return {@code true} if a safety snapshot or undo script is warranted
     */
    public boolean destructive() {
        for (SqlAction a : actions) {
            switch (a.kind()) {
                case DROP_TABLE:
                case DROP_COLUMN:
                case ALTER_COLUMN_TYPE:
                case TRUNCATE:
                    return true;
                case DELETE:
                case UPDATE:
                    if (!a.hasWhere()) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /**
     * Tells whether the statement may run inside a transaction, not knowing the server version:
     * {@code false} on PostgreSQL for {@code CREATE/DROP INDEX CONCURRENTLY},
     * {@code REINDEX CONCURRENTLY}, {@code DETACH PARTITION .. CONCURRENTLY}, {@code VACUUM},
     * {@code CREATE/DROP DATABASE}, {@code CREATE/DROP TABLESPACE} and {@code ALTER SYSTEM};
     * {@code true} otherwise (H2 and MySQL DDL commits implicitly whatever this says, see
     * {@code DatabaseKind.transactionalDdl()}).
     *
     * @param dialect the dialect the statement runs on
     * @return {@code false} if the statement must run outside a transaction
     */
    public boolean transactional(Dialect dialect) {
        return transactional(dialect, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #transactional(Dialect)}, also reporting PostgreSQL
     * {@code ALTER TYPE .. ADD VALUE} as non-transactional before version 12.
     *
     * @param dialect the dialect the statement runs on
     * @param serverMajor the server's major version, e.g. {@code 16}
     * @return {@code false} if the statement must run outside a transaction
     */
    public boolean transactional(Dialect dialect, int serverMajor) {
        Objects.requireNonNull(dialect, "dialect");
        if (dialect != Dialect.POSTGRESQL) {
            return true;
        }
        for (SqlAction a : actions) {
            switch (a.kind()) {
                case CREATE_INDEX:
                case DROP_INDEX:
                case OTHER:
                    if (a.concurrently() || "ALTER SYSTEM".equals(a.detail())) {
                        return false;
                    }
                    break;
                case VACUUM:
                    return false;
                case CREATE_OTHER:
                case DROP_OTHER:
                    if ("DATABASE".equals(a.detail()) || "TABLESPACE".equals(a.detail())) {
                        return false;
                    }
                    break;
                case ALTER_TYPE_ADD_VALUE:
                    if (serverMajor < 12) {
                        return false;
                    }
                    break;
                default:
                    break;
            }
        }
        return true;
    }
}
