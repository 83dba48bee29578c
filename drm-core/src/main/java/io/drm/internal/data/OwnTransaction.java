package io.drm.internal.data;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work in a transaction of its own when the connection is in auto-commit (committed when the
 * work returns, rolled back when it throws), or inside the caller's transaction otherwise (Flyway's,
 * for a step).
 */
final class OwnTransaction {

    /** The work. @param <T> its result @param <E> the other exception it may throw */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws SQLException, E;
    }

    private OwnTransaction() {
    }

    static <T, E extends Exception> T run(Connection c, Work<T, E> work) throws SQLException, E {
        boolean own = c.getAutoCommit();
        if (own) {
            c.setAutoCommit(false);
        }
        try {
            T result = work.run();
            if (own) {
                c.commit();
            }
            return result;
        } catch (Exception e) {
            if (own) {
                try {
                    c.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
            }
            throw e;
        } finally {
            if (own) {
                c.setAutoCommit(true);
            }
        }
    }
}
