package io.drm.internal.sql;

import java.util.List;

/**
 * A statement and what it does.
 *
 * @param statement the statement
 * @param actions its actions
 */
public record ClassifiedStatement(SqlStatement statement, List<SqlAction> actions) {

    /** Copies. */
    public ClassifiedStatement {
        actions = List.copyOf(actions);
    }

    /** @return whether an action destroys data */
    public boolean destructive() {
        for (SqlAction a : actions) {
            switch (a.kind()) {
                case DROP_TABLE, DROP_COLUMN, ALTER_COLUMN_TYPE, TRUNCATE -> {
                    return true;
                }
                case DELETE, UPDATE -> {
                    if (!a.hasWhere()) {
                        return true;
                    }
                }
                default -> { }
            }
        }
        return false;
    }

    /** @param d the dialect @return whether the statement can run in a transaction */
    public boolean transactional(Dialect d) {
        if (d != Dialect.POSTGRESQL) {
            return true;
        }
        for (SqlAction a : actions) {
            if (a.concurrently() || a.kind() == ActionKind.VACUUM) {
                return false;
            }
        }
        return true;
    }
}
